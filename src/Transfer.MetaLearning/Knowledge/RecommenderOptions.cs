namespace Transfer.MetaLearning.Knowledge;

/// <summary>How recommendations are drawn from the knowledge base.</summary>
public sealed record RecommenderOptions
{
    /// <summary>How many nearest past datasets (of the query's kind) the configurations come from.</summary>
    public int Neighbours { get; init; } = 5;

    /// <summary>Added to a neighbour's distance before inverting it into a weight, so an exact match does not take all.</summary>
    public double DistanceFloor { get; init; } = 0.05;

    /// <summary>
    /// The quality (0..1) a configuration is credited with on a neighbour that did not try it: the median by default, so
    /// a configuration is neither rewarded nor punished for trials it never had. 0 ranks by how many neighbours tried it.
    /// </summary>
    public double UntriedQuality { get; init; } = 0.5;

    /// <summary>The defaults.</summary>
    public static RecommenderOptions Default { get; } = new();
}
