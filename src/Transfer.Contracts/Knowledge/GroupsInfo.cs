namespace Transfer.Contracts.Knowledge;

/// <summary>The current grouping of the knowledge base.</summary>
/// <param name="FeatureSetVersion">The meta-feature version that was clustered; null before the first clustering.</param>
/// <param name="Datasets">How many datasets were clustered.</param>
/// <param name="Silhouette">Mean silhouette of the clustering (-1..1).</param>
/// <param name="ClusteredAt">When it was clustered; null before the first clustering.</param>
/// <param name="Groups">The groups, in id order.</param>
/// <param name="CurrentFeatureSetVersion">
/// The version the host extracts now (its embedding layout follows the published image benchmark models). While it
/// differs from <paramref name="FeatureSetVersion"/>, or from a dataset's vector, the background work has not caught up.
/// </param>
public sealed record GroupsInfo(
    string? FeatureSetVersion,
    int Datasets,
    double Silhouette,
    DateTimeOffset? ClusteredAt,
    IReadOnlyList<GroupInfo> Groups,
    string? CurrentFeatureSetVersion = null);
