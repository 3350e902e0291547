namespace Transfer.Data;

/// <summary>A CSV feature column: its header name, kind and, for categorical columns, its values.</summary>
public sealed record FeatureColumn(string Name, FeatureKind Kind, IReadOnlyList<string> Categories);
