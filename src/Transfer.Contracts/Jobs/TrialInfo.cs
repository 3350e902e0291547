using Transfer.Contracts.Curves;
using Transfer.Contracts.Search;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// One trial of a job: its configuration, state, learning curve so far, score (the objective's value, last measured
/// for an early-stopped trial), the reason it stopped, and the judge's latest view of its curve.
/// </summary>
public sealed record TrialInfo(
    int Number,
    IReadOnlyDictionary<string, ParameterValue> Configuration,
    TrialStatus Status,
    double? Score,
    IReadOnlyList<CurveSample> Curve,
    string? StopReason,
    int Attempts,
    int Seed,
    bool IsBaseline,
    CurveJudgement? Judgement,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
