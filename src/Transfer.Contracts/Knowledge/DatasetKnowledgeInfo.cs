namespace Transfer.Contracts.Knowledge;

/// <summary>
/// What the knowledge base knows of one dataset: the status of its meta-features (computed in the background after the
/// upload), the vector once ready, and the virtual dataset group it falls in under the current grouping.
/// </summary>
/// <param name="DatasetId">The dataset's id in its tenant.</param>
/// <param name="Status">Pending until the background extraction finished.</param>
/// <param name="MetaFeatures">The vector, once ready.</param>
/// <param name="Group">Its group under the current grouping (a member's own group, else the nearest within threshold, else <c>unknown</c>); null while there is no grouping or no vector.</param>
/// <param name="Error">Why the extraction failed.</param>
/// <param name="UpdatedAt">When the status last changed.</param>
/// <param name="TransferScores">
/// Per image benchmark model whose backbone takes the dataset (model id → score): the leave-one-out nearest-centroid
/// accuracy of its frozen backbone's embeddings on a seeded subsample, measured with the meta-features; empty for tables.
/// </param>
public sealed record DatasetKnowledgeInfo(
    string DatasetId,
    DatasetKnowledgeStatus Status,
    MetaFeatureVector? MetaFeatures,
    GroupAssignment? Group,
    string? Error,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, double>? TransferScores = null);
