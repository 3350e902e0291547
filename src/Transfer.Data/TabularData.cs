namespace Transfer.Data;

/// <summary>
/// A decoded tabular classification dataset: a dense row-major feature matrix (categorical columns one-hot
/// encoded, numeric columns as read; missing values are <see cref="float.NaN"/>) and class indices.
/// </summary>
/// <param name="Rows">Number of examples.</param>
/// <param name="Columns">Number of encoded feature columns.</param>
/// <param name="Features">Row-major values, <c>Rows * Columns</c> long.</param>
/// <param name="ColumnNames">Encoded column names: the CSV header for numeric columns, <c>name=value</c> for one-hot ones.</param>
/// <param name="SourceColumns">The CSV's feature columns with their kind, before encoding.</param>
/// <param name="Labels">Class index per row, into <paramref name="Classes"/>.</param>
/// <param name="Classes">Class names, sorted ordinally.</param>
public sealed record TabularData(
    int Rows,
    int Columns,
    float[] Features,
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<FeatureColumn> SourceColumns,
    int[] Labels,
    IReadOnlyList<string> Classes)
{
    /// <summary>The feature values of one row, as a span over <see cref="Features"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * Columns, Columns);
}
