namespace Transfer.Search.Samplers;

/// <summary>An encoded configuration with its loss (lower is better) and weight (1 for this study's trials).</summary>
public sealed record Observation(double[] Values, double Loss, double Weight);
