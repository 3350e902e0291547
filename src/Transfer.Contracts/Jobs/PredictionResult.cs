namespace Transfer.Contracts.Jobs;

/// <summary>
/// Predictions for a batch of examples, in the order sent: the most likely class and every class's probability.
/// <see cref="MissingColumns"/> names the model's columns a CSV lacked (missing values in every row; null when none).
/// </summary>
public sealed record PredictionResult(IReadOnlyList<string> Classes, IReadOnlyList<Prediction> Predictions, IReadOnlyList<string>? MissingColumns = null);
