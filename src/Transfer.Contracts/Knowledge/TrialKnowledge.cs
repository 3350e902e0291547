using System.Text.Json;

namespace Transfer.Contracts.Knowledge;

/// <summary>
/// One finished trial as the knowledge base remembers it: meta-knowledge only (no data, no weights), so it may be
/// shared across tenants.
/// </summary>
/// <param name="DatasetId">The dataset the trial trained on.</param>
/// <param name="TrialId">The trial's id (job id and number).</param>
/// <param name="MetaFeatures">The dataset's meta-features when the trial ran.</param>
/// <param name="Configuration">The trial's configuration: parameter name to JSON value.</param>
/// <param name="Score">Final validation score; higher is better.</param>
/// <param name="Cost">What the trial cost (e.g. seconds or epochs).</param>
/// <param name="CurveSummary">Named numbers summarising the learning curve (e.g. best epoch, final slope); may be empty.</param>
public sealed record TrialKnowledge(
    string DatasetId,
    string TrialId,
    MetaFeatureVector MetaFeatures,
    IReadOnlyDictionary<string, JsonElement> Configuration,
    double Score,
    double Cost,
    IReadOnlyDictionary<string, double> CurveSummary);
