using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Transfer.Contracts.Datasets;

namespace Transfer.Data;

/// <summary>
/// Reads a CSV with a header row and a named label column; a header without commas but with semicolons, tabs or bars
/// is read with that delimiter (<see cref="Delimiter"/>). A feature column is numeric when its first non-missing
/// value is a number, categorical otherwise; empty, <c>?</c> and <c>NA</c> cells are missing values.
/// </summary>
public static class CsvTableReader
{
    /// <summary>Decodes the table into memory, one-hot encoding categorical columns.</summary>
    public static async Task<TabularData> ReadAsync(Stream csv, string labelColumn, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var table = await ParseAsync(csv, labelColumn, limits ?? DatasetLimits.Default, collect: true, cancellationToken).ConfigureAwait(false);
        return table.Encode();
    }

    /// <summary>Validates the table while streaming it and returns its schema (memory bounded by columns and classes, not rows).</summary>
    public static async Task<DatasetSchema> InspectAsync(Stream csv, string labelColumn, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var table = await ParseAsync(csv, labelColumn, limits ?? DatasetLimits.Default, collect: false, cancellationToken).ConfigureAwait(false);
        return table.Schema();
    }

    internal static bool IsMissing(string cell) => cell.Length == 0 || cell is "?" or "NA" or "NaN" or "nan";

    private static async Task<CsvTable> ParseAsync(Stream csv, string labelColumn, DatasetLimits limits, bool collect, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(labelColumn))
        {
            throw new DatasetFormatException("csv-no-label", "Name the label column of the CSV (the column that holds each row's class).");
        }

        await using var text = await CompressionSniffer.OpenMaybeGzipAsync(csv, limits.MaxGzipExpandedBytes, "The CSV file", cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(text, leaveOpen: true);
        using var parser = new CsvReader(reader, Configuration());
        var header = await ReadHeaderAsync(parser, limits).ConfigureAwait(false);

        var labelIndex = Array.IndexOf(header, labelColumn);
        if (labelIndex < 0)
        {
            throw new DatasetFormatException("csv-no-label", $"The CSV has no column '{labelColumn}'. Its columns are: {Truncate(string.Join(", ", header))}.");
        }

        if (header.Length < 2)
        {
            throw new DatasetFormatException("csv-no-features", "The CSV has only the label column; it needs at least one feature column.");
        }

        var table = new CsvTable(header, labelIndex, limits, collect);
        var cells = new string[header.Length];
        await foreach (var row in RowsAsync(parser, cells, cancellationToken).ConfigureAwait(false))
        {
            table.Add(cells, row);
        }

        table.Complete();
        return table;
    }

    /// <summary>The parser settings of every CSV read: invariant culture, trimmed cells, malformed rows refused.</summary>
    internal static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        GetDelimiter = args => Delimiter(args.Text),
        DetectColumnCountChanges = false,
        BadDataFound = args => throw new DatasetFormatException("csv-malformed", $"Row {args.Context.Parser?.Row} is not valid CSV (an unbalanced quote?): {Truncate(args.RawRecord)}"),
        TrimOptions = TrimOptions.Trim,
    };

    /// <summary>
    /// The delimiter, told from the header line: a comma anywhere in it keeps the comma; else the most frequent of
    /// semicolon (a spreadsheet's export where the decimal mark is a comma), tab (TSV) and bar; else the comma.
    /// </summary>
    internal static string Delimiter(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var header = end < 0 ? text : text[..end];
        if (header.Contains(',', StringComparison.Ordinal))
        {
            return ",";
        }

        var (delimiter, count) = new[] { ';', '\t', '|' }.Select(d => (d, header.Count(c => c == d))).MaxBy(p => p.Item2);
        return count > 0 ? delimiter.ToString() : ",";
    }

    /// <summary>Reads the header row: present, within the column limit, no name twice.</summary>
    internal static async Task<string[]> ReadHeaderAsync(CsvReader parser, DatasetLimits limits)
    {
        if (!await parser.ReadAsync().ConfigureAwait(false) || !parser.ReadHeader() || parser.HeaderRecord is not { Length: > 0 } header)
        {
            throw new DatasetFormatException("empty", "The CSV is empty: it needs a header row and at least one data row.");
        }

        if (header.Length > limits.MaxColumns)
        {
            throw new DatasetFormatException("csv-too-wide", $"The CSV has {header.Length:N0} columns; the limit is {limits.MaxColumns:N0}.");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? header
            : throw new DatasetFormatException("csv-duplicate-column", $"The header names the column '{duplicate.Key}' more than once.");
    }

    /// <summary>
    /// Reads the data rows one at a time into <paramref name="cells"/> (one per header column) and yields each row's number;
    /// blank lines are skipped, a row with another number of fields is refused.
    /// </summary>
    internal static async IAsyncEnumerable<int> RowsAsync(CsvReader parser, string[] cells, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = parser.Parser.Row;
            if (parser.Parser.Count != cells.Length)
            {
                if (parser.Parser.Count == 1 && string.IsNullOrWhiteSpace(parser.Parser[0]))
                {
                    continue; // blank line
                }

                throw new DatasetFormatException("csv-ragged-row", $"Row {row} has {parser.Parser.Count} fields but the header has {cells.Length}. Every row needs one value per column.");
            }

            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = parser.Parser[i] ?? string.Empty;
            }

            yield return row;
        }
    }

    internal static string Truncate(string? value) => value is null ? string.Empty : value.Length <= 200 ? value : value[..200] + "…";
}
