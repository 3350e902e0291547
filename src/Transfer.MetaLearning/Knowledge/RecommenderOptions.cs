namespace Transfer.MetaLearning.Knowledge;

/// <summary>How recommendations are drawn from the knowledge base.</summary>
public sealed record RecommenderOptions
{
    /// <summary>How many nearest past datasets (of the query's kind) the configurations come from.</summary>
    public int Neighbours { get; init; } = 5;

    /// <summary>Added to a neighbour's distance before inverting it into a weight, so an exact match does not take all.</summary>
    public double DistanceFloor { get; init; } = 0.05;

    /// <summary>The defaults.</summary>
    public static RecommenderOptions Default { get; } = new();
}
