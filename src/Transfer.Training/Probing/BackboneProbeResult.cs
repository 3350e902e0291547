namespace Transfer.Training.Probing;

/// <summary>
/// What a benchmark model's backbone says about an image dataset, measured on a seeded subsample.
/// </summary>
/// <param name="MeanEmbedding">The mean over the subsample of the globally average-pooled backbone output (one value per channel).</param>
/// <param name="TransferScore">Leave-one-out nearest-centroid accuracy on the embeddings with the dataset's labels (0..1): how well the frozen backbone already separates the classes.</param>
/// <param name="ChanceScore">The accuracy of always answering the subsample's majority class, the score to beat.</param>
/// <param name="Images">How many images were embedded (the subsample's size).</param>
public sealed record BackboneProbeResult(IReadOnlyList<float> MeanEmbedding, double TransferScore, double ChanceScore, int Images);
