namespace Transfer.Contracts.Knowledge;

/// <summary>
/// The result of clustering the knowledge base: the scaling used, the groups and how good the clustering was.
/// Plain data, so a grain can store it and any silo can assign new datasets from it without re-clustering.
/// </summary>
/// <param name="FeatureSetVersion">Version of the meta-features that were clustered.</param>
/// <param name="Scaling">Normalisation fitted on the clustered vectors.</param>
/// <param name="Groups">The groups, in id order.</param>
/// <param name="Silhouette">Mean silhouette of the chosen clustering (-1..1; 0 when it has one group).</param>
/// <param name="Seed">Seed the clustering ran with.</param>
public sealed record DatasetGrouping(
    string FeatureSetVersion,
    MetaFeatureScaling Scaling,
    IReadOnlyList<DatasetGroup> Groups,
    double Silhouette,
    int Seed);
