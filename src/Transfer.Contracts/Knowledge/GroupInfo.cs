namespace Transfer.Contracts.Knowledge;

/// <summary>A virtual dataset group as the API lists it: no member ids (they may belong to other tenants), only counts.</summary>
/// <param name="Id">The group's id in the current grouping (<c>g0</c>, <c>g1</c>, …; ids change when the knowledge base is re-clustered).</param>
/// <param name="Kind"><c>image</c> or <c>tabular</c>.</param>
/// <param name="Members">How many datasets the group holds.</param>
/// <param name="Radius">Root-mean-square distance of the members to the centroid.</param>
/// <param name="Threshold">Distance beyond which a dataset is not assigned to the group.</param>
/// <param name="BenchmarkModelId">The benchmark model jobs on the group's datasets fine-tune from, if one was published for it.</param>
public sealed record GroupInfo(string Id, string Kind, int Members, double Radius, double Threshold, string? BenchmarkModelId);
