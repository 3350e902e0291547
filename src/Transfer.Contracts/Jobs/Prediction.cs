namespace Transfer.Contracts.Jobs;

/// <summary>
/// One example's prediction: the most likely class and the probability of each class (in <see cref="PredictionResult.Classes"/>
/// order); <see cref="Name"/> is the image's path in the zip or the image file's name, null for table rows and IDX images
/// (they come in the order sent).
/// </summary>
public sealed record Prediction(string Class, IReadOnlyList<float> Probabilities, string? Name = null);
