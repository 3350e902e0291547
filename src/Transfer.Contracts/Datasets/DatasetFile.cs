namespace Transfer.Contracts.Datasets;

/// <summary>One stored part of a dataset: its part name (<c>data</c>, <c>images</c>, <c>labels</c>), size and SHA-256 (hex).</summary>
public sealed record DatasetFile(string Part, string FileName, long SizeBytes, string Sha256);
