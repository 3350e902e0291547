using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>An auto-training job (the study), keyed <c>{tenant}/{job}</c>: asks the sampler, dispatches trials, judges reports.</summary>
[Alias("transfer.study")]
public interface IStudyGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task<JobInfo> StartAsync(CreateJobRequest request, DatasetInfo dataset, StudyPlan plan);

    [ReadOnly]
    [Alias("get")]
    Task<JobInfo?> GetAsync();

    [ReadOnly]
    [Alias("trials")]
    Task<IReadOnlyList<TrialInfo>> GetTrialsAsync();

    /// <summary>Events after <paramref name="afterId"/>, oldest first, at most <paramref name="max"/>.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("events")]
    Task<IReadOnlyList<JobEvent>> GetEventsAsync(long afterId, int max);

    /// <summary>Renews a running attempt's lease; false when the attempt is no longer current (the runner should stop).</summary>
    [Alias("heartbeat")]
    Task<bool> HeartbeatAsync(int trial, int attempt);

    [Alias("report")]
    Task<TrialVerdict> ReportAsync(int trial, int attempt, CurveSample sample);

    [Alias("complete")]
    Task CompleteTrialAsync(int trial, int attempt, TrialResult result);

    /// <summary>
    /// The end of registering the finished job's model, which runs off the grain: <paramref name="finishingEvent"/> is the
    /// <c>job-finishing</c> event that began it (a result for a registration the job has moved on from is ignored).
    /// </summary>
    [Alias("model-registered")]
    Task ModelRegisteredAsync(long finishingEvent, JobRegistration registration);

    [Alias("stop")]
    Task<JobInfo?> StopAsync();

    [Alias("extend")]
    Task<JobInfo?> ExtendAsync(ExtendJobRequest extension);

    [Alias("rerun-failed")]
    Task<JobInfo?> RerunFailedAsync();

    [Alias("command-trial")]
    Task<bool> CommandTrialAsync(int trial, TrialCommand command);

    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>Re-runs trials whose worker stopped heartbeating (also driven by a timer and a reminder).</summary>
    [Alias("check-leases")]
    Task CheckLeasesAsync();
}
