using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Persisted state of <see cref="StudyGrain"/>: the request, the resolved plan, every trial, the sampler's extra state. The
/// definition and the finished trials are written to records of their own (see StudyGrain.Archive).
/// </summary>
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

    /// <summary>
    /// Every trial, in number order. Persisted as <see cref="OpenTrials"/> plus one record per archived (finished) trial,
    /// so a write of the study stays the same size however many trials it has (see StudyGrain.Archive).
    /// </summary>
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

    /// <summary>The last event id given out; the events themselves are kept in memory by the grain.</summary>
    [Id(13)]
    public long LastEventId { get; set; }

    /// <summary>When the job last finished (completed, stopped or failed); null while it runs.</summary>
    [Id(14)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many trials the study has, archived ones included (set when the state is written).</summary>
    [Id(15)]
    public int TrialCount { get; set; }

    /// <summary>The trials not archived yet, written in place of <see cref="Trials"/>; null in states of the older shape.</summary>
    [Id(16)]
    public TrialEntry[]? OpenTrials { get; set; }

    /// <summary>
    /// Set once <see cref="Request"/>, <see cref="Dataset"/> and <see cref="Plan"/> (which never change) sit in a record of
    /// their own, written once when the job starts: the state's writes then leave them out.
    /// </summary>
    [Id(17)]
    public bool DefinitionStored { get; set; }

    /// <summary>The job's ensemble of trials, when its registered model is one (set when the job finishes).</summary>
    [Id(18)]
    public JobEnsemble? Ensemble { get; set; }

    /// <summary>The device time the trials may hold in all, in seconds (<see cref="JobBudget.DeviceHours"/>); null without that budget, or once extended.</summary>
    [Id(19)]
    public double? DeviceSecondsBudget { get; set; }

    /// <summary>
    /// While the trials have all ended and the model is being registered (off the grain, see StudyGrain.Finish): the id of
    /// the <c>job-finishing</c> event that began it, which the registration's result must quote; null otherwise.
    /// </summary>
    [Id(20)]
    public long? FinishingEvent { get; set; }

    // The storage serializer (Json.NET) honours these: the open trials stand in for the whole list, and the definition is
    // written once, apart.
    public bool ShouldSerializeTrials() => false;

    public bool ShouldSerializeRequest() => !DefinitionStored;

    public bool ShouldSerializeDataset() => !DefinitionStored;

    public bool ShouldSerializePlan() => !DefinitionStored;
}
