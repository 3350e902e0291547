using System.Text.Json;

namespace Transfer.Contracts.Knowledge;

/// <summary>One finished trial of a tuning history.</summary>
/// <param name="TrialId">Unique within the history.</param>
/// <param name="Configuration">Parameter name to plain JSON: a number, a string, or for <c>head</c> a list of layers (<c>{"kind":"FC","kernel":0,"size":128}</c>).</param>
/// <param name="Score">Validation accuracy reached; higher is better.</param>
/// <param name="Cost">What it cost, in epochs.</param>
/// <param name="CurveSummary">Named numbers summarising the learning curve; may be null.</param>
public sealed record HistoryTrial(
    string TrialId,
    IReadOnlyDictionary<string, JsonElement> Configuration,
    double Score,
    double Cost,
    IReadOnlyDictionary<string, double>? CurveSummary = null);
