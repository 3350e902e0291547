namespace Transfer.Contracts.Search;

/// <summary>The JSON form of a search space, shared by the server and the SDK.</summary>
public sealed record SearchSpaceDefinition(IReadOnlyList<ParameterDefinition> Parameters);
