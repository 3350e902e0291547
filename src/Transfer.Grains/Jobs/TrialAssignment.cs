using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;

namespace Transfer.Grains.Jobs;

/// <summary>
/// What a worker needs to run one attempt of one trial. Payloads travel as references: the dataset's blobs, the benchmark
/// model's blob (null for a from-scratch trial), the checkpoint blob to resume from. <see cref="Folds"/> above 1 scores
/// the trial by stratified k-fold; <see cref="FoldModel"/> then says what its saved model is (<see cref="JobValidation.FoldModel"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.trial-assignment")]
public sealed record TrialAssignment(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string JobId,
    [property: Id(2)] int Trial,
    [property: Id(3)] int Attempt,
    [property: Id(4)] DatasetInfo Dataset,
    [property: Id(5)] ModelSpec Model,
    [property: Id(6)] SolverConfig Solver,
    [property: Id(7)] IReadOnlyDictionary<string, ParameterValue> Configuration,
    [property: Id(8)] int Seed,
    [property: Id(9)] string? BenchmarkModelBlob,
    [property: Id(10)] string? ResumeCheckpointBlob,
    [property: Id(11)] int SplitSeed,
    [property: Id(12)] int Folds = 1,
    [property: Id(13)] string FoldModel = JobValidation.BestFold)
{
    /// <summary>The key of the runner grain of this attempt.</summary>
    public string RunnerKey => $"{Tenant}/{JobId}/{Trial}/{Attempt}";

    /// <summary>The key of the job's study grain.</summary>
    public string StudyKey => $"{Tenant}/{JobId}";
}
