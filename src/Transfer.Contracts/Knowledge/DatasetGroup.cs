namespace Transfer.Contracts.Knowledge;

/// <summary>
/// A virtual dataset group: datasets whose normalised meta-features cluster together.
/// </summary>
/// <param name="Id">Stable id within one grouping (<c>g0</c>, <c>g1</c>, ...).</param>
/// <param name="Kind"><c>image</c> or <c>tabular</c>: groups never mix kinds, and a dataset is only assigned to its own kind.</param>
/// <param name="Centroid">Centre in normalised meta-feature space.</param>
/// <param name="Members">Dataset ids, sorted.</param>
/// <param name="Radius">Root-mean-square distance of the members to the centroid.</param>
/// <param name="Threshold">Distance beyond which a dataset is not assigned to this group.</param>
public sealed record DatasetGroup(
    string Id,
    string Kind,
    IReadOnlyList<double> Centroid,
    IReadOnlyList<string> Members,
    double Radius,
    double Threshold)
{
    /// <summary>The kind of image datasets.</summary>
    public const string ImageKind = "image";

    /// <summary>The kind of tables.</summary>
    public const string TabularKind = "tabular";
}
