namespace Transfer.MetaLearning.Features;

/// <summary>How meta-features are computed. The cost is bounded by the caps, not by the dataset's size.</summary>
public sealed record MetaFeatureOptions
{
    /// <summary>Most rows (or images) drawn, without replacement and seeded, for everything but the simple counts.</summary>
    public int SubsampleCap { get; init; } = 2_000;

    /// <summary>Fraction of the subsample held out to score the landmarkers.</summary>
    public double HoldoutFraction { get; init; } = 0.3;

    /// <summary>Most feature columns (sampled, seeded) used for statistics, correlations and mutual information.</summary>
    public int StatisticsColumnCap { get; init; } = 64;

    /// <summary>Most feature columns the landmarkers see (tables: a seeded sample; images: 2x2 average pooling until below).</summary>
    public int LandmarkerColumnCap { get; init; } = 256;

    /// <summary>Benchmark models whose mean embeddings extend the feature set; empty by default.</summary>
    public IReadOnlyList<EmbeddingSlot> EmbeddingLayout { get; init; } = [];

    /// <summary>The defaults.</summary>
    public static MetaFeatureOptions Default { get; } = new();
}
