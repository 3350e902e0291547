namespace Transfer.Contracts.Knowledge;

/// <summary>The top configurations for a query, best first, and the neighbours they were drawn from.</summary>
public sealed record Recommendations(
    IReadOnlyList<NeighbourDataset> Neighbours,
    IReadOnlyList<ConfigurationRecommendation> Items);
