namespace Transfer.Contracts.Search;

/// <summary>
/// One parameter of a search space, in its JSON form. Float/Int use <see cref="Low"/>, <see cref="High"/>,
/// <see cref="Log"/> (and <see cref="Step"/> for Int); Categorical uses <see cref="Choices"/>; Architecture uses
/// <see cref="Architecture"/>. <see cref="Condition"/> makes the parameter conditional on another one.
/// </summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    double? Low = null,
    double? High = null,
    bool Log = false,
    double? Step = null,
    IReadOnlyList<string>? Choices = null,
    ParameterValue? Default = null,
    ParameterCondition? Condition = null,
    ArchitectureDefinition? Architecture = null);
