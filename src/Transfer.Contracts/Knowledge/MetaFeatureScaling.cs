namespace Transfer.Contracts.Knowledge;

/// <summary>
/// Robust scaling fitted on the knowledge base's meta-feature vectors: <c>clip((x - center) / scale, -Clip, Clip)</c>
/// per feature. Stored beside the groups so that a new vector is normalised exactly as the clustered ones were.
/// </summary>
public sealed record MetaFeatureScaling(
    string FeatureSetVersion,
    IReadOnlyList<string> Names,
    IReadOnlyList<double> Centers,
    IReadOnlyList<double> Scales,
    double Clip);
