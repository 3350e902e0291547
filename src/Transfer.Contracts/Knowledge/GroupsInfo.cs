namespace Transfer.Contracts.Knowledge;

/// <summary>The current grouping of the knowledge base.</summary>
/// <param name="FeatureSetVersion">The meta-feature version that was clustered; null before the first clustering.</param>
/// <param name="Datasets">How many datasets were clustered.</param>
/// <param name="Silhouette">Mean silhouette of the clustering (-1..1).</param>
/// <param name="ClusteredAt">When it was clustered; null before the first clustering.</param>
/// <param name="Groups">The groups, in id order.</param>
public sealed record GroupsInfo(string? FeatureSetVersion, int Datasets, double Silhouette, DateTimeOffset? ClusteredAt, IReadOnlyList<GroupInfo> Groups);
