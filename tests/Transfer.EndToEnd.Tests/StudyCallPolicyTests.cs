using Transfer.Grains.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// The contract of a worker's calls to its study: a call the study did not answer (a timeout, or Orleans rejecting it while
/// the study's silo dies) is tried again until the patience runs out; an error the study answered with is not.
/// </summary>
public sealed class StudyCallPolicyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task ACallTheStudyDidNotAnswerIsTriedAgainUntilItAnswers()
    {
        var policy = new StudyCallPolicy(TimeSpan.FromMinutes(1), Short);
        var calls = 0;
        var answer = await policy.CallAsync(_ => ++calls switch
        {
            1 => throw new TimeoutException("Response did not arrive on time"),
            2 => throw new SiloUnavailableException("the silo is gone"),
            _ => ValueTask.FromResult(42),
        }, CancellationToken.None);

        Assert.Equal((42, 3), (answer, calls));
    }

    [Fact]
    public async Task AnErrorTheStudyAnsweredWithIsNotTriedAgain()
    {
        var policy = new StudyCallPolicy(TimeSpan.FromMinutes(1), Short);
        var calls = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await policy.CallAsync<int>(_ => { calls++; throw new InvalidOperationException("no such trial"); }, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.False(StudyCallPolicy.IsUnanswered(error));
    }

    [Fact]
    public async Task ACallThatIsNeverAnsweredGivesUpAfterThePatience()
    {
        var policy = new StudyCallPolicy(TimeSpan.FromMilliseconds(300), Short);
        var calls = 0;
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await policy.CallAsync(_ => { calls++; throw new TimeoutException("Response did not arrive on time"); }, CancellationToken.None));

        Assert.True(StudyCallPolicy.IsUnanswered(error), $"{error.GetType().Name} should count as unanswered");
        Assert.True(calls > 1, $"tried {calls} times");
    }

    [Fact]
    public async Task ACancelledCallIsNotTriedAgain()
    {
        var policy = new StudyCallPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var call = policy.CallAsync(_ => { calls++; cancel.Cancel(); throw new TimeoutException("Response did not arrive on time"); }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void PatienceAndDelayMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudyCallPolicy(TimeSpan.Zero, Short));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudyCallPolicy(TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }
}
