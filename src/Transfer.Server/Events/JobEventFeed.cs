using System.Runtime.CompilerServices;
using Transfer.Contracts.Jobs;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.Server.Events;

/// <summary>
/// A job's event log as a live stream: reads the study grain's ordered log after an id, polls it while the job runs
/// (an in-process grain call, cheap), and ends after <c>job-finished</c> (or at once when the job finished before).
/// </summary>
public sealed class JobEventFeed(JobService jobs, IGrainFactory grains, TimeProvider time)
{
    private const int BatchSize = 500;

    /// <summary>How often the log is read while nothing new is in it.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Throws a 404 problem when the tenant has no such job; call it before starting a response.</summary>
    public Task<JobInfo> CheckAsync(string tenant, string jobId, CancellationToken cancellationToken = default) =>
        jobs.GetAsync(tenant, jobId, cancellationToken);

    /// <summary>
    /// The events after <paramref name="afterId"/>, oldest first; with <paramref name="trial"/> only that trial's events
    /// (and the job's own <c>job-finishing</c> and <c>job-finished</c>, which ends every stream). Live: waits for new events
    /// until the job finishes.
    /// </summary>
    public async IAsyncEnumerable<JobEvent> ReadAsync(string tenant, string jobId, long afterId, int? trial, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var study = grains.GetGrain<IStudyGrain>($"{tenant}/{jobId}");
        var after = afterId;
        var draining = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await study.GetEventsAsync(after, BatchSize).WaitAsync(cancellationToken);
            foreach (var item in batch)
            {
                after = item.Id;
                if (trial is null || item.Trial == trial || item.Kind is JobEventKinds.JobFinishing or JobEventKinds.JobFinished)
                {
                    yield return item;
                }

                if (item.Kind == JobEventKinds.JobFinished)
                {
                    yield break;
                }
            }

            if (batch.Count == BatchSize)
            {
                continue;
            }

            if (draining)
            {
                yield break;
            }

            // Done before this read (or finished between the read and now): one more read drains what is left.
            if (batch.Count == 0 && IsDone(await study.GetAsync().WaitAsync(cancellationToken)))
            {
                draining = true;
                continue;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static bool IsDone(JobInfo? job) =>
        job is null || job.FinishedAt is not null;
}
