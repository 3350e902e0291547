namespace Transfer.MetaLearning.Groups;

/// <summary>How the knowledge base is clustered into virtual dataset groups and how far "unknown" begins.</summary>
public sealed record DatasetGroupingOptions
{
    /// <summary>Fewest groups tried (when the knowledge base is big enough for two groups of the minimum size).</summary>
    public int MinGroups { get; init; } = 2;

    /// <summary>Most groups tried (also bounded by the dataset count over <see cref="MinGroupSize"/>).</summary>
    public int MaxGroups { get; init; } = 20;

    /// <summary>A clustering with a smaller non-empty group is rejected.</summary>
    public int MinGroupSize { get; init; } = 2;

    /// <summary>A group's threshold is this many times its spread (the larger of its own radius and the pooled radius).</summary>
    public double ThresholdFactor { get; init; } = 2.0;

    /// <summary>
    /// A dataset on which no landmarker beats the majority class by this share of what was left to gain
    /// (<c>lm_best_gain</c>) shows no learnable structure: nothing learned on the knowledge base's datasets transfers
    /// to it, so it is "unknown" however near its other meta-features fall.
    /// </summary>
    public double MinSignalGain { get; init; } = 0.05;

    /// <summary>Clip of the robust scaling, in scaled units.</summary>
    public double Clip { get; init; } = 6;

    /// <summary>The defaults.</summary>
    public static DatasetGroupingOptions Default { get; } = new();
}
