namespace Transfer.Contracts.Datasets;

/// <summary>A stored dataset as the API shows it.</summary>
/// <param name="Id">Server-assigned id, unique within the tenant.</param>
/// <param name="Name">The name the uploader gave.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Schema">What validation found: examples, classes, columns or image shape.</param>
/// <param name="Files">The stored parts (one for CSV and zip, <c>images</c> and <c>labels</c> for IDX).</param>
/// <param name="CreatedAt">When the upload was committed.</param>
public sealed record DatasetInfo(
    string Id,
    string Name,
    DatasetStatus Status,
    DatasetSchema Schema,
    IReadOnlyList<DatasetFile> Files,
    DateTimeOffset CreatedAt)
{
    /// <summary>Total stored bytes over all parts.</summary>
    public long SizeBytes => Files.Sum(f => f.SizeBytes);
}
