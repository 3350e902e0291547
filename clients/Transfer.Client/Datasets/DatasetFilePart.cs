namespace Transfer.Client.Datasets;

/// <summary>One file of a <see cref="DatasetFileSet"/>: the form part it goes in and its path on disk.</summary>
public sealed record DatasetFilePart(string Name, string Path);
