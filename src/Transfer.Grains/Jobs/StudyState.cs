using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>Persisted state of <see cref="StudyGrain"/>: the request, the resolved plan, every trial, the sampler's extra state.</summary>
[GenerateSerializer]
[Alias("transfer.study-state")]
public sealed class StudyState
{
    [Id(0)]
    public CreateJobRequest? Request { get; set; }

    [Id(1)]
    public DatasetInfo? Dataset { get; set; }

    [Id(2)]
    public StudyPlan? Plan { get; set; }

    [Id(3)]
    public JobStatus Status { get; set; }

    [Id(4)]
    public List<TrialEntry> Trials { get; set; } = [];

    [Id(5)]
    public string? SamplerSnapshot { get; set; }

    [Id(6)]
    public int TrialBudget { get; set; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(9)]
    public string? Message { get; set; }

    [Id(10)]
    public string? ModelId { get; set; }

    [Id(11)]
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The most recent events (older ones are dropped past a cap); ids keep counting.</summary>
    [Id(12)]
    public List<JobEvent> Events { get; set; } = [];

    [Id(13)]
    public long LastEventId { get; set; }

    /// <summary>When the job last finished (completed, stopped or failed); null while it runs.</summary>
    [Id(14)]
    public DateTimeOffset? FinishedAt { get; set; }
}
