namespace Transfer.Contracts.Knowledge;

/// <summary>
/// One knowledge-base dataset on the 2-D map. Other tenants' datasets are anonymous: only their group, kind and place.
/// </summary>
/// <param name="X">First principal component of the normalised meta-features.</param>
/// <param name="Y">Second principal component.</param>
/// <param name="Kind"><c>image</c> or <c>tabular</c>.</param>
/// <param name="Group">Its group under the current grouping, or <c>unknown</c>.</param>
/// <param name="Own">True for a dataset of the caller's tenant.</param>
/// <param name="DatasetId">The dataset's id; only for the caller's own datasets.</param>
/// <param name="Name">The dataset's name; only for the caller's own datasets.</param>
public sealed record KnowledgeMapPoint(double X, double Y, string Kind, string Group, bool Own, string? DatasetId, string? Name);
