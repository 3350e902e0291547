namespace Transfer.Contracts.Jobs;

/// <summary>One report of a trial's learning curve: progress in epochs, train loss, validation loss and accuracy.</summary>
public sealed record CurveSample(double Epoch, int Step, double? TrainLoss, double? ValidationLoss, double? ValidationAccuracy, double LearningRate);
