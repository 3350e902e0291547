namespace Transfer.Contracts.Jobs;

/// <summary>
/// How a job scores its trials. <c>holdout</c>: one stratified validation split. <c>kfold</c>: stratified k-fold over
/// the non-test data (every trial trains <see cref="Folds"/> models in lock-step and scores the mean across folds).
/// <c>auto</c> (the default): k-fold when the non-test data has fewer than <see cref="SmallDataThreshold"/> examples,
/// holdout otherwise. Either way a stratified test split (20 %) is held out, never seen by the search, and the winner is
/// reported on it. With k-fold, <see cref="FoldModel"/> says what a trial's model is, the one scored on the test split
/// and registered when the trial wins.
/// </summary>
/// <param name="Mode"><c>auto</c>, <c>holdout</c> or <c>kfold</c>.</param>
/// <param name="Folds">Folds for k-fold (2-10).</param>
/// <param name="SmallDataThreshold">Below this many non-test examples <c>auto</c> scores by k-fold.</param>
/// <param name="FoldModel">k-fold only. <c>ensemble</c> (the default): the fold models, their class probabilities
/// averaged (as AutoGluon's bagging; up to k times the prediction cost), leaving out a fold whose validation accuracy is
/// significantly below the best fold's (by more than two standard errors of the difference). <c>refit</c>: one more
/// model trained on all the non-test data when the trial completes (scikit-learn's <c>refit</c>; about 1/(k-1) more
/// training per completed trial). <c>best-fold</c>: the fold model with the best validation score.</param>
public sealed record JobValidation(string Mode = JobValidation.Auto, int Folds = 5, int SmallDataThreshold = 2_000, string FoldModel = JobValidation.Ensemble)
{
    public const string Auto = "auto";
    public const string Holdout = "holdout";
    public const string KFold = "kfold";
    public const string Ensemble = "ensemble";
    public const string Refit = "refit";
    public const string BestFold = "best-fold";

    /// <summary>The folds a dataset of <paramref name="nonTestExamples"/> examples gets: 1 for a holdout split.</summary>
    public int FoldsFor(int nonTestExamples) => Mode switch
    {
        KFold => Folds,
        Holdout => 1,
        _ => nonTestExamples < SmallDataThreshold ? Folds : 1,
    };
}
