namespace Transfer.Contracts.Training;

/// <summary>Metrics on a held-out split: mean cross-entropy, accuracy, and accuracy per class (NaN for absent classes).</summary>
public sealed record ValidationMetrics(double Loss, double Accuracy, IReadOnlyList<double> PerClassAccuracy, int Examples);
