namespace Transfer.MetaLearning.Features;

/// <summary>One example as ML.NET sees it in the landmarkers; vector size and key count are set by a schema definition.</summary>
internal sealed class LandmarkRow
{
    public float[] Features { get; set; } = [];

    /// <summary>Class index plus one (ML.NET keys are 1-based; 0 means missing).</summary>
    public uint Label { get; set; }
}
