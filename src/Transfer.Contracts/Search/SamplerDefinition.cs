namespace Transfer.Contracts.Search;

/// <summary>
/// Which sampler a study uses: <c>random</c>, <c>grid</c>, <c>lhs</c>, <c>tpe</c>, <c>tpe-multivariate</c>, <c>gp</c>, <c>rl</c>,
/// <c>assembly</c> (Options: <c>path</c>, <c>type</c>) or <c>process</c> (Options: <c>command</c>, <c>arguments</c>, <c>timeout_ms</c>).
/// </summary>
public sealed record SamplerDefinition(
    string Name,
    int Seed,
    IReadOnlyDictionary<string, string>? Options = null,
    WarmStartDefinition? WarmStart = null);
