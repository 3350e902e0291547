namespace Transfer.Contracts.Jobs;

/// <summary>One example's prediction: the most likely class and the probability of each class (in <see cref="PredictionResult.Classes"/> order).</summary>
public sealed record Prediction(string Class, IReadOnlyList<float> Probabilities);
