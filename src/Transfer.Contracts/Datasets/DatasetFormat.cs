using System.Text.Json.Serialization;

namespace Transfer.Contracts.Datasets;

/// <summary>The upload formats Transfer understands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatasetFormat>))]
public enum DatasetFormat
{
    /// <summary>CSV with a header row and a named label column (tabular classification).</summary>
    Csv,

    /// <summary>A zip of class-named folders of PNG or JPEG images.</summary>
    ImageZip,

    /// <summary>An IDX pair (MNIST / Fashion-MNIST format): images and labels, plain or gzip.</summary>
    Idx,
}
