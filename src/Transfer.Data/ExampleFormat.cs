namespace Transfer.Data;

/// <summary>What a file of examples to predict holds, told from its first bytes (<see cref="PredictionImages.Sniff"/>).</summary>
public enum ExampleFormat
{
    /// <summary>Anything else: read as a CSV table (plain or gzip).</summary>
    Table,

    /// <summary>A zip archive of images.</summary>
    Zip,

    /// <summary>One PNG or JPEG image.</summary>
    Image,
}
