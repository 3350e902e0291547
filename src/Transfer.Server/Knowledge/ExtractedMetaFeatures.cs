using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>A dataset's meta-features and the transfer scores measured on it (benchmark model id → score; images only).</summary>
public sealed record ExtractedMetaFeatures(MetaFeatureVector Vector, IReadOnlyDictionary<string, double> TransferScores);
