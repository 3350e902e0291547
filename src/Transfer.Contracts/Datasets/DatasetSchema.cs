namespace Transfer.Contracts.Datasets;

/// <summary>What the server learned while validating an upload.</summary>
/// <param name="Format">The upload format.</param>
/// <param name="Examples">Rows or images.</param>
/// <param name="Classes">Each class with its example count, ordered by name.</param>
/// <param name="Columns">Tabular only: the feature columns (label excluded) with their kinds.</param>
/// <param name="LabelColumn">Tabular only: the label column's name.</param>
/// <param name="Image">Image only: the common image shape.</param>
/// <param name="MissingValues">Tabular only: empty, <c>?</c> or <c>NA</c> cells in feature columns.</param>
public sealed record DatasetSchema(
    DatasetFormat Format,
    long Examples,
    IReadOnlyList<ClassCount> Classes,
    IReadOnlyList<ColumnSchema>? Columns = null,
    string? LabelColumn = null,
    ImageShape? Image = null,
    long MissingValues = 0);
