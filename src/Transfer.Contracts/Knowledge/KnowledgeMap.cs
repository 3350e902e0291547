namespace Transfer.Contracts.Knowledge;

/// <summary>
/// The knowledge base's datasets projected to two dimensions (principal components of the meta-feature vectors,
/// normalised as the grouping normalised them), for a map coloured by group.
/// </summary>
/// <param name="FeatureSetVersion">The meta-feature version shown; null before the first clustering.</param>
/// <param name="ExplainedVariance">Share of the variance each of the two components explains (0..1).</param>
/// <param name="Points">One point per dataset with meta-features of that version.</param>
public sealed record KnowledgeMap(string? FeatureSetVersion, IReadOnlyList<double> ExplainedVariance, IReadOnlyList<KnowledgeMapPoint> Points);
