using Transfer.Contracts.Search;
using Transfer.Contracts.Training;

namespace Transfer.Grains.Jobs;

/// <summary>
/// What the API resolved before starting a study: the search space, the base model spec (backbone of the group's
/// benchmark model, or a from-scratch spec), the benchmark weights' blob, the knowledge base's warm start, how many folds
/// score a trial (1: a holdout split), whether a from-scratch reference trial runs (<see cref="StudyEngine.NewTrial"/>),
/// and, for the job's readers, the benchmark model's id (null: from scratch) and the dataset's group.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.study-plan")]
public sealed record StudyPlan(
    [property: Id(0)] SearchSpaceDefinition Space,
    [property: Id(1)] ModelSpec BaseModel,
    [property: Id(2)] string? BenchmarkModelBlob,
    [property: Id(3)] WarmStartDefinition? WarmStart,
    [property: Id(4)] IReadOnlyDictionary<string, ParameterValue> BaselineConfiguration,
    [property: Id(5)] int Folds = 1,
    [property: Id(6)] bool ScratchReference = false,
    [property: Id(7)] string? BenchmarkModelId = null,
    [property: Id(8)] string? Group = null);
