using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Transfer.Grains.Jobs;

/// <summary>
/// How a trial's worker calls its study. A call can fail while the study's silo dies: it times out, or Orleans rejects it
/// until the cluster has declared the silo dead, after which the study comes back on a surviving silo from its persisted
/// state. Such a call is tried again, with exponential backoff from <c>firstDelay</c> up to 5 s between tries, for at most
/// <c>patience</c>; any other failure is not retried. What still fails after that is <see cref="IsUnanswered"/>.
/// </summary>
public sealed class StudyCallPolicy
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private readonly ResiliencePipeline _pipeline;

    public StudyCallPolicy(TimeSpan patience, TimeSpan firstDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(patience, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        Patience = patience;
        _pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = patience })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsRetried(ex)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = firstDelay,
                MaxDelay = firstDelay > MaxDelay ? firstDelay : MaxDelay,
                UseJitter = false,
            })
            .Build();
    }

    /// <summary>From the job options: patience <see cref="JobOptions.StudyCallPatienceSeconds"/>, first retry after 0.5 s.</summary>
    public StudyCallPolicy(JobOptions options)
        : this(TimeSpan.FromSeconds(options.StudyCallPatienceSeconds), TimeSpan.FromSeconds(0.5))
    {
    }

    /// <summary>How long a call is tried before the policy gives up.</summary>
    public TimeSpan Patience { get; }

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by <see cref="CallAsync"/>, means the study did not answer within the
    /// patience (as opposed to the study answering with an error).
    /// </summary>
    public static bool IsUnanswered(Exception exception) => IsRetried(exception) || exception is TimeoutRejectedException;

    /// <summary>Runs <paramref name="call"/>, again while it fails because the study did not answer.</summary>
    public ValueTask<T> CallAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(call, cancellationToken);

    /// <inheritdoc cref="CallAsync{T}"/>
    public ValueTask CallAsync(Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(call, cancellationToken);

    /// <summary>A call that failed this way is tried again: it timed out, or Orleans could not deliver it.</summary>
    private static bool IsRetried(Exception exception) => exception is OrleansException or TimeoutException;
}
