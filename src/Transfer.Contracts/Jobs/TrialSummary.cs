namespace Transfer.Contracts.Jobs;

/// <summary>
/// One trial of a job's report: its validation score as mean ± standard deviation across folds (the deviation is null
/// for a holdout split) and the held-out test accuracy of its model.
/// </summary>
public sealed record TrialSummary(int Trial, double? Score, double? ScoreStd, double? TestScore);
