namespace Transfer.MetaLearning.Features;

/// <summary>One example as ML.NET sees it in the landmarkers; the vector size is set by a schema definition.</summary>
internal sealed class LandmarkRow
{
    public float[] Features { get; set; } = [];

    /// <summary>Class index; mapped to an ML.NET key inside the pipelines.</summary>
    public uint Label { get; set; }
}
