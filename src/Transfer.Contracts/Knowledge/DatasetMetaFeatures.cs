namespace Transfer.Contracts.Knowledge;

/// <summary>A knowledge-base dataset's id and meta-features: what clustering and assignment need.</summary>
public sealed record DatasetMetaFeatures(string DatasetId, MetaFeatureVector MetaFeatures);
