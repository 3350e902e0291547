using Transfer.Contracts.Datasets;

namespace Transfer.Client.Datasets;

/// <summary>
/// What to upload: a name, a format and its file parts as streams (one for CSV and zip, images and labels for IDX).
/// Build one with <see cref="Csv"/>, <see cref="ImageZip"/> or <see cref="Idx"/>; the caller owns the streams.
/// </summary>
/// <param name="Name">The dataset's display name.</param>
/// <param name="Format">The upload format.</param>
/// <param name="Parts">The file parts, in the order <see cref="DatasetParts.For"/> names them.</param>
/// <param name="LabelColumn">CSV only: the label column's name; null lets the server use its default.</param>
public sealed record DatasetUpload(string Name, DatasetFormat Format, IReadOnlyList<DatasetUploadPart> Parts, string? LabelColumn = null)
{
    public static DatasetUpload Csv(string name, Stream data, string? labelColumn = null, string fileName = "data.csv") =>
        new(name, DatasetFormat.Csv, [new DatasetUploadPart(DatasetParts.Data, fileName, data)], labelColumn);

    public static DatasetUpload ImageZip(string name, Stream data, string fileName = "images.zip") =>
        new(name, DatasetFormat.ImageZip, [new DatasetUploadPart(DatasetParts.Data, fileName, data)]);

    public static DatasetUpload Idx(
        string name,
        Stream images,
        Stream labels,
        string imagesFileName = "images-idx3-ubyte.gz",
        string labelsFileName = "labels-idx1-ubyte.gz") =>
        new(name, DatasetFormat.Idx, [new DatasetUploadPart(DatasetParts.Images, imagesFileName, images), new DatasetUploadPart(DatasetParts.Labels, labelsFileName, labels)]);

    /// <summary>The bytes that will be sent over all parts, or null when a part's stream cannot tell its length.</summary>
    public long? TotalBytes => Parts.All(p => p.Content.CanSeek) ? Parts.Sum(p => p.Content.Length - p.Content.Position) : null;

    /// <summary>Throws when the parts do not match the format (wrong names, missing or extra parts) or the name is empty.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A dataset needs a name.", nameof(Name));
        }

        var expected = DatasetParts.For(Format);
        if (!Parts.Select(p => p.Name).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ArgumentException($"A {Format} upload needs the parts [{string.Join(", ", expected)}], got [{string.Join(", ", Parts.Select(p => p.Name))}].", nameof(Parts));
        }

        if (LabelColumn is not null && Format != DatasetFormat.Csv)
        {
            throw new ArgumentException("A label column applies to CSV uploads only.", nameof(LabelColumn));
        }
    }
}
