namespace Transfer.Contracts.Datasets;

/// <summary>A tabular feature column: <c>numeric</c> or <c>categorical</c> (then with its distinct values, capped).</summary>
public sealed record ColumnSchema(string Name, string Kind, IReadOnlyList<string>? Categories = null);
