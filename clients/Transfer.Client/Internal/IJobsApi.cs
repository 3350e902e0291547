using Refit;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Internal;

/// <summary>The jobs routes of the HTTP API, as Refit sees them (the event stream is read by <see cref="Jobs.JobEventStream"/>).</summary>
internal interface IJobsApi
{
    [Post("/api/jobs")]
    Task<JobInfo> StartAsync([Body] CreateJobRequest request, CancellationToken cancellationToken = default);

    [Post("/api/jobs/plan")]
    Task<JobPlanInfo> PlanAsync([Body] CreateJobRequest request, CancellationToken cancellationToken = default);

    [Get("/api/jobs")]
    Task<Page<JobInfo>> ListAsync([AliasAs("pageSize")] int? pageSize, [AliasAs("continuationToken")] string? continuationToken, CancellationToken cancellationToken = default);

    [Get("/api/jobs/{id}")]
    Task<JobInfo> GetAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/jobs/{id}/trials")]
    Task<IReadOnlyList<TrialInfo>> TrialsAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/jobs/{id}/stop")]
    Task<JobInfo> StopAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/jobs/{id}/extend")]
    Task<JobInfo> ExtendAsync(string id, [Body] ExtendJobRequest request, CancellationToken cancellationToken = default);

    [Post("/api/jobs/{id}/rerun-failed")]
    Task<JobInfo> RerunFailedAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/jobs/{id}/trials/{trial}/{command}")]
    Task CommandAsync(string id, int trial, string command, [AliasAs("name")] string? name = null, [AliasAs("value")] double? value = null, CancellationToken cancellationToken = default);

    [Delete("/api/jobs/{id}")]
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/jobs/{id}/events/log")]
    Task<IReadOnlyList<JobEvent>> EventsLogAsync(string id, [AliasAs("after")] long after, [AliasAs("max")] int max, [AliasAs("trial")] int? trial, CancellationToken cancellationToken = default);
}
