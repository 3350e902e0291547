using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// How an attempt ended: its status, the objective's last value (the mean across folds, with the folds' standard
/// deviation, when k-fold), the held-out test accuracy of the saved model, the saved model's blob, how many examples it
/// trained on and of how many models it is the average.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.trial-result")]
public sealed record TrialResult(
    [property: Id(0)] TrialStatus Status,
    [property: Id(1)] double? ValidationAccuracy,
    [property: Id(2)] double? ValidationLoss,
    [property: Id(3)] double? TestAccuracy,
    [property: Id(4)] string? ModelBlob,
    [property: Id(5)] string? Message,
    [property: Id(6)] int Steps,
    [property: Id(7)] int Folds = 1,
    [property: Id(8)] double? ValidationAccuracyStd = null,
    [property: Id(9)] double? ValidationLossStd = null,
    [property: Id(10)] int? ModelTrainExamples = null,
    [property: Id(11)] int ModelMembers = 1);
