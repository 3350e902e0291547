using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Grains.Jobs;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// A job outcome sink (the knowledge base's place in finishing a job) that notes each call and holds it until
/// <see cref="Release"/>: a test can look at a job while its model is being registered.
/// </summary>
public sealed class GatedOutcomeSink : IJobOutcomeSink
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Job, int Trials)> _calls = [];

    /// <summary>The calls so far: the job and how many trials it passed.</summary>
    public IReadOnlyList<(string Job, int Trials)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public async Task RecordAsync(string tenant, string jobId, DatasetInfo dataset, IReadOnlyList<TrialInfo> trials, CancellationToken cancellationToken = default)
    {
        lock (_calls)
        {
            _calls.Add((jobId, trials.Count));
        }

        await _released.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Lets every held call, and every later one, go on.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits until the sink has had <paramref name="count"/> calls; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForCallsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Calls.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Calls.Count} call(s) within {timeout}, not {count}");
            await Task.Delay(100);
        }
    }
}
