namespace Transfer.Contracts.Search;

/// <summary>
/// Warm start for any sampler: prior observations it learns from (their values in <paramref name="Scale"/>), and
/// configurations it proposes first, in order.
/// </summary>
public sealed record WarmStartDefinition(
    IReadOnlyList<PriorObservation>? Observations = null,
    IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>>? Enqueued = null,
    PriorScale Scale = PriorScale.Objective);
