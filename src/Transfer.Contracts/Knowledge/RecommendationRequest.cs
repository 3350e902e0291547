namespace Transfer.Contracts.Knowledge;

/// <summary>
/// Asks for recommended configurations: for one of the caller's datasets (its meta-features must be ready), or for a
/// raw meta-feature vector (of the server's feature set version, see <c>GET /api/datasets/{id}/meta-features</c>).
/// </summary>
/// <param name="DatasetId">A dataset of the caller's tenant.</param>
/// <param name="MetaFeatures">A raw vector, instead of a dataset.</param>
/// <param name="Kind"><c>image</c> or <c>tabular</c>: checked against the vector's own kind when both are given.</param>
/// <param name="Count">How many configurations (1-50).</param>
public sealed record RecommendationRequest(string? DatasetId = null, MetaFeatureVector? MetaFeatures = null, string? Kind = null, int Count = 5);
