using System.Text.Json;

namespace Transfer.Contracts.Knowledge;

/// <summary>
/// A recommended configuration with the score it is expected to reach and where that expectation comes from.
/// </summary>
/// <param name="Configuration">Parameter name to JSON value, as it was tried.</param>
/// <param name="ExpectedScore">Distance-weighted mean of the scores it reached on the neighbours that tried it.</param>
/// <param name="Utility">Ranking key 0..1: distance-weighted quality (mid-rank percentile on each dataset) over all neighbours (a neighbour that did not try it counts the median, 0.5, by default).</param>
/// <param name="DatasetIds">The neighbours it was tried on.</param>
/// <param name="TrialIds">The trials behind the expectation.</param>
public sealed record ConfigurationRecommendation(
    IReadOnlyDictionary<string, JsonElement> Configuration,
    double ExpectedScore,
    double Utility,
    IReadOnlyList<string> DatasetIds,
    IReadOnlyList<string> TrialIds);
