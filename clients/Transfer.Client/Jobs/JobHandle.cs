using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>
/// A started job (Azure SDK's operation shape): <see cref="Value"/> is its last known state; await
/// <see cref="WaitForCompletionAsync"/>, follow <see cref="WatchAsync"/>, read trials, or stop it.
/// </summary>
public class JobHandle
{
    private readonly JobsClient _jobs = null!;

    public JobHandle(JobsClient jobs, JobInfo value)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(value);
        _jobs = jobs;
        Value = value;
    }

    /// <summary>For mocking.</summary>
    protected JobHandle()
    {
        Value = null!;
    }

    public virtual string Id => Value.Id;

    /// <summary>The job as last read (from the start, <see cref="UpdateStatusAsync"/> or <see cref="WaitForCompletionAsync"/>).</summary>
    public virtual JobInfo Value { get; private set; }

    /// <summary>True once the job has finished: its trials have ended and its model is registered (<see cref="JobInfo.FinishedAt"/> is set).</summary>
    public virtual bool HasCompleted => JobWatcher.IsDone(Value);

    public virtual async Task<JobInfo> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Value = await _jobs.GetAsync(Id, cancellationToken).ConfigureAwait(false);

    /// <summary>Follows the job's events until <c>job-finished</c>, passing each to <paramref name="progress"/>, then returns the finished job.</summary>
    public virtual async Task<JobInfo> WaitForCompletionAsync(Action<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var item in WatchAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            progress?.Invoke(item);
        }

        return await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="JobsClient.WatchAsync"/>
    public virtual IAsyncEnumerable<JobEvent> WatchAsync(long afterId = 0, int? trial = null, CancellationToken cancellationToken = default) =>
        _jobs.WatchAsync(Id, afterId, trial, cancellationToken);

    public virtual Task<IReadOnlyList<TrialInfo>> GetTrialsAsync(CancellationToken cancellationToken = default) => _jobs.GetTrialsAsync(Id, cancellationToken);

    public virtual async Task<JobInfo> StopAsync(CancellationToken cancellationToken = default) =>
        Value = await _jobs.StopAsync(Id, cancellationToken).ConfigureAwait(false);
}
