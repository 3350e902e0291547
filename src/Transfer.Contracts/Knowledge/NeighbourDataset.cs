namespace Transfer.Contracts.Knowledge;

/// <summary>A past dataset near the query, with its distance and the weight it got.</summary>
public sealed record NeighbourDataset(string DatasetId, double Distance, double Weight);
