namespace Transfer.Client.Datasets;

/// <summary>One file of an upload: its form part name (see <c>DatasetParts</c>), the file name to report, and its bytes.</summary>
/// <param name="Name">The part name: <c>data</c>, <c>images</c> or <c>labels</c>.</param>
/// <param name="FileName">The file name the server stores with the part.</param>
/// <param name="Content">The bytes, read from the current position to the end; the caller keeps ownership.</param>
public sealed record DatasetUploadPart(string Name, string FileName, Stream Content);
