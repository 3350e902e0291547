namespace Transfer.MetaLearning.Groups;

/// <summary>One normalised meta-feature vector as ML.NET KMeans sees it; the vector size comes from a schema definition.</summary>
internal sealed class ClusterRow
{
    public float[] Features { get; set; } = [];
}
