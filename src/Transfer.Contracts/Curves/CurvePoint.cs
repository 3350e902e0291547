namespace Transfer.Contracts.Curves;

/// <summary>
/// One report of a running trial: the iteration it was taken at, the training loss, and, when the trainer
/// evaluated, the validation loss and a validation metric where higher is better (accuracy in [0, 1]).
/// Non-finite losses (NaN, infinity) are allowed: they are the clearest sign of divergence.
/// </summary>
public sealed record CurvePoint(int Iteration, double TrainLoss, double? ValLoss = null, double? ValMetric = null);
