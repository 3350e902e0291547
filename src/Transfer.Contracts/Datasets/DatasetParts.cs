namespace Transfer.Contracts.Datasets;

/// <summary>
/// The multipart form of <c>POST /api/datasets</c>: text fields first (<see cref="Name"/>, <see cref="Format"/>,
/// <see cref="LabelColumn"/>), then the file parts: <see cref="Data"/> for CSV and zip, or <see cref="Images"/> and
/// <see cref="Labels"/> for an IDX pair. Part names are also the names used to download a stored part.
/// </summary>
public static class DatasetParts
{
    public const string Name = "name";
    public const string Format = "format";
    public const string LabelColumn = "labelColumn";
    public const string Data = "data";
    public const string Images = "images";
    public const string Labels = "labels";

    /// <summary>The file parts a format needs, in upload order.</summary>
    public static IReadOnlyList<string> For(DatasetFormat format) => format == DatasetFormat.Idx ? [Images, Labels] : [Data];
}
