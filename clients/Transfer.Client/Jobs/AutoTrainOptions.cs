using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;

namespace Transfer.Client.Jobs;

/// <summary>
/// What <see cref="TransferClient.AutoTrainAsync"/> does with a dataset on disk: its name and label column for the upload,
/// and the job's objective, budget, sampler, scheduler, parallelism, seed and space (server defaults where null).
/// </summary>
public sealed record AutoTrainOptions
{
    public string? Name { get; init; }

    public DatasetFormat? Format { get; init; }

    public string? LabelColumn { get; init; }

    /// <summary>The most trials (the baseline included); with <see cref="WallTime"/> and <see cref="DeviceHours"/>, whichever is spent first. All null: the server's default of <see cref="JobBudget.DefaultTrials"/>.</summary>
    public int? Trials { get; init; }

    /// <summary>No new trial after this long from the job's start.</summary>
    public TimeSpan? WallTime { get; init; }

    /// <summary>No new trial once the trials have held worker devices this many hours in all.</summary>
    public double? DeviceHours { get; init; }

    /// <summary>The validation metric to optimise: <c>accuracy</c> (maximised) or <c>loss</c> (minimised); null for the server's accuracy.</summary>
    public string? Metric { get; init; }

    public int MaxEpochs { get; init; } = 4;

    public string? Sampler { get; init; }

    public string? Scheduler { get; init; }

    public int Parallelism { get; init; } = 1;

    public int Seed { get; init; }

    public SearchSpaceDefinition? Space { get; init; }

    public bool UseKnowledgeBase { get; init; } = true;

    /// <summary>How trials are scored (holdout or k-fold); null for the server's <c>auto</c>.</summary>
    public JobValidation? Validation { get; init; }

    /// <summary>Whether to add the from-scratch reference trial; null for the server's default.</summary>
    public bool? ScratchReference { get; init; }

    /// <summary>Rounds of greedy ensemble selection over the finished trials (0: the best trial's model alone).</summary>
    public int EnsembleSize { get; init; } = CreateJobRequest.DefaultEnsembleSize;

    /// <summary>The job request for an uploaded dataset.</summary>
    public CreateJobRequest ToRequest(string datasetId) => new(
        datasetId,
        Objective: Metric is null ? null : new JobObjective(Metric),
        Budget: Trials is null && WallTime is null && DeviceHours is null ? null : new JobBudget(Trials, WallTime?.TotalSeconds, DeviceHours),
        Space: Space,
        Sampler: Sampler is null ? null : new SamplerDefinition(Sampler, Seed),
        Scheduler: Scheduler is null ? null : new SchedulerDefinition(Scheduler, MinBudget: 1, MaxBudget: MaxEpochs),
        Parallelism: Parallelism,
        Seed: Seed,
        MaxEpochs: MaxEpochs,
        UseKnowledgeBase: UseKnowledgeBase,
        Validation: Validation,
        ScratchReference: ScratchReference,
        EnsembleSize: EnsembleSize);
}
