using Transfer.Contracts.Curves;
using Transfer.Contracts.Search;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// One trial of a job: its configuration, state, learning curve so far, score (the objective's value, last measured
/// for an early-stopped trial; with k-fold the mean across <see cref="Folds"/> folds and <see cref="ScoreStd"/> their
/// spread), the reason it stopped, the judge's latest view of its curve, and the held-out test accuracy of its model.
/// <see cref="IsScratch"/> marks the from-scratch reference trial (no pretrained weights); <see cref="IsWarmStart"/> a
/// configuration the warm start proposed first (the knowledge base's recommendation for the dataset, or one the user enqueued).
/// <see cref="ModelTrainExamples"/> and <see cref="ModelMembers"/>: the examples the trial's model trained on and how many
/// models it averages (<see cref="JobValidation.FoldModel"/>): with k-fold, every non-test example and up to k fold models for the
/// default ensemble, every non-test example and one model when refit, one fold's training examples for the best fold.
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
    DateTimeOffset? FinishedAt,
    int Folds = 1,
    double? ScoreStd = null,
    double? TestScore = null,
    bool IsScratch = false,
    bool IsWarmStart = false,
    int? ModelTrainExamples = null,
    int? ModelMembers = null);
