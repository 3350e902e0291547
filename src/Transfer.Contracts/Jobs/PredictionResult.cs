namespace Transfer.Contracts.Jobs;

/// <summary>Predictions for a batch of examples, in the order sent: the most likely class and every class's probability.</summary>
public sealed record PredictionResult(IReadOnlyList<string> Classes, IReadOnlyList<Prediction> Predictions);
