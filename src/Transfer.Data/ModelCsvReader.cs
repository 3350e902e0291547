using System.Globalization;
using CsvHelper;

namespace Transfer.Data;

/// <summary>
/// Reads CSV rows to predict with a trained table model, encoded to the model's columns by name: a model column named as
/// a CSV column is numeric; a model column <c>name=value</c> is the one-hot column of category <c>value</c> of the CSV's
/// column <c>name</c>. Columns the model does not use (the label, ids) are ignored, so the rows need no label. Empty,
/// <c>?</c> and <c>NA</c> cells are missing values, and so is a category the model never saw (its one-hot columns are
/// all missing, as for an empty cell); a model column the CSV lacks is missing in every row and reported.
/// </summary>
public static class ModelCsvReader
{
    /// <summary>Reads the rows of <paramref name="csv"/> aligned to <paramref name="columns"/> (a model's encoded column names).</summary>
    /// <exception cref="DatasetFormatException">The CSV is malformed or empty, has none of the model's columns, or a numeric column holds text.</exception>
    public static async Task<AlignedTable> ReadAsync(Stream csv, IReadOnlyList<string> columns, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(columns);
        limits ??= DatasetLimits.Default;
        await using var text = await CompressionSniffer.OpenMaybeGzipAsync(csv, limits.MaxGzipExpandedBytes, "The CSV file", cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(text, leaveOpen: true);
        using var parser = new CsvReader(reader, CsvTableReader.Configuration());
        var header = await CsvTableReader.ReadHeaderAsync(parser, limits).ConfigureAwait(false);
        var sources = Plan(header, columns);
        if (sources.All(s => s.Column < 0))
        {
            throw new DatasetFormatException(
                "csv-no-model-columns",
                $"None of the model's columns is in the CSV. The model takes: {CsvTableReader.Truncate(string.Join(", ", SourceNames(columns)))}; the CSV has: {CsvTableReader.Truncate(string.Join(", ", header))}.");
        }

        // The one-hot columns of each categorical CSV column, found once for all rows.
        int[][] groups = [.. Enumerable.Range(0, columns.Count).Where(i => sources[i].Category is not null).GroupBy(i => sources[i].Column).Select(g => g.ToArray())];
        var rows = new List<float[]>();
        var cells = new string[header.Length];
        await foreach (var row in CsvTableReader.RowsAsync(parser, cells, cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count >= limits.MaxRows)
            {
                throw new DatasetFormatException("csv-too-many-rows", $"The CSV has more than {limits.MaxRows:N0} data rows, the limit. Send fewer rows at a time.");
            }

            rows.Add(Encode(cells, row, header, sources, groups));
        }

        if (rows.Count == 0)
        {
            throw new DatasetFormatException("empty", "The CSV has a header but no data rows.");
        }

        var matrix = new float[checked(rows.Count * columns.Count)];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(matrix, r * columns.Count);
        }

        var missing = SourceNames(columns.Where((_, i) => sources[i].Column < 0)).ToArray();
        return new AlignedTable(new TabularData(rows.Count, columns.Count, matrix, columns, [], new int[rows.Count], []), missing);
    }

    /// <summary>
    /// For each model column, the CSV column it reads (-1 when absent) and, for a one-hot column, its category. An exact
    /// name wins; else the longest CSV column name <c>name</c> with the model column starting <c>name=</c>.
    /// </summary>
    private static (int Column, string? Category)[] Plan(string[] header, IReadOnlyList<string> columns)
    {
        var index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        return [.. columns.Select(m =>
        {
            if (index.TryGetValue(m, out var exact))
            {
                return (exact, (string?)null);
            }

            var source = header.Where(h => m.Length > h.Length && m[h.Length] == '=' && m.StartsWith(h, StringComparison.Ordinal)).MaxBy(h => h.Length);
            return source is null ? (-1, null) : (index[source], m[(source.Length + 1)..]);
        })];
    }

    private static float[] Encode(string[] cells, int row, string[] header, (int Column, string? Category)[] sources, int[][] groups)
    {
        var values = new float[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var (column, category) = sources[i];
            if (column < 0)
            {
                values[i] = float.NaN;
                continue;
            }

            var cell = cells[column];
            if (CsvTableReader.IsMissing(cell))
            {
                values[i] = float.NaN;
            }
            else if (category is null)
            {
                values[i] = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? (float)number
                    : throw new DatasetFormatException("csv-not-numeric", $"Row {row}, column '{header[column]}': '{CsvTableReader.Truncate(cell)}' is not a number, but the model was trained on the column as numbers. Fix the value or leave it empty for a missing value.");
            }
            else
            {
                values[i] = string.Equals(cell, category, StringComparison.Ordinal) ? 1f : 0f;
            }
        }

        // A category the model never saw leaves every one-hot column of its CSV column at 0: it counts as missing.
        foreach (var group in groups)
        {
            if (group.All(i => values[i] == 0f))
            {
                foreach (var i in group)
                {
                    values[i] = float.NaN;
                }
            }
        }

        return values;
    }

    /// <summary>The CSV column names behind model columns: <c>name</c> for <c>name</c> and for its one-hot <c>name=value</c>.</summary>
    public static IEnumerable<string> SourceNames(IEnumerable<string> columns) =>
        columns.Select(c => c.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? c[..at] : c).Distinct(StringComparer.Ordinal);
}
