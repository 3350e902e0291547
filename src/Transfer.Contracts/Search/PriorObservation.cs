namespace Transfer.Contracts.Search;

/// <summary>
/// A configuration already evaluated elsewhere (e.g. on a similar past dataset) with its score (in the warm start's
/// <see cref="WarmStartDefinition.Scale"/>) and a weight in (0, 1] saying how much it should count compared with a trial
/// of this study.
/// </summary>
public sealed record PriorObservation(IReadOnlyDictionary<string, ParameterValue> Configuration, double Value, double Weight = 1.0);
