using Transfer.Contracts.Search;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// What a job asked with <see cref="Request"/> would do, without starting it (<c>POST /api/jobs/plan</c>): the request with
/// the server's defaults filled in, the search space (save it, edit it and send it back as the request's <c>space</c>),
/// the benchmark model it would fine-tune and the group it came from (null: training from scratch), the baseline
/// configuration (trial 0), how trials are scored, whether a from-scratch reference runs, and the knowledge base's warm
/// start: the configurations tried first and how many past observations inform the sampler.
/// </summary>
public sealed record JobPlanInfo(
    CreateJobRequest Request,
    SearchSpaceDefinition Space,
    IReadOnlyDictionary<string, ParameterValue> BaselineConfiguration,
    string? BenchmarkModelId,
    string? Group,
    int Folds,
    bool ScratchReference,
    IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> WarmStartConfigurations,
    int WarmStartObservations);
