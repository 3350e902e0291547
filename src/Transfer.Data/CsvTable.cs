using System.Globalization;
using Transfer.Contracts.Datasets;

namespace Transfer.Data;

/// <summary>The state of one CSV parse: column kinds, categories, class counts and, when collecting, the cells.</summary>
internal sealed class CsvTable
{
    private readonly string[] _header;
    private readonly int _labelIndex;
    private readonly DatasetLimits _limits;
    private readonly FeatureKind?[] _kinds;
    private readonly Dictionary<string, int>[] _categories;
    private readonly Dictionary<string, long> _classCounts = new(StringComparer.Ordinal);
    private readonly List<float[]>? _rows;
    private readonly List<string>? _labels;
    private long _count;
    private long _missing;

    public CsvTable(string[] header, int labelIndex, DatasetLimits limits, bool collect)
    {
        _header = header;
        _labelIndex = labelIndex;
        _limits = limits;
        _kinds = new FeatureKind?[header.Length];
        _categories = header.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        if (collect)
        {
            _rows = [];
            _labels = [];
        }
    }

    public void Add(string[] cells, int row)
    {
        if (++_count > _limits.MaxRows)
        {
            throw new DatasetFormatException("csv-too-many-rows", $"The CSV has more than {_limits.MaxRows:N0} data rows, the limit. Upload a sample or split it.");
        }

        var label = cells[_labelIndex];
        if (CsvTableReader.IsMissing(label))
        {
            throw new DatasetFormatException("csv-missing-label", $"Row {row} has no value in the label column '{_header[_labelIndex]}'.");
        }

        if (!_classCounts.TryGetValue(label, out var seen) && _classCounts.Count >= _limits.MaxClasses)
        {
            throw new DatasetFormatException("too-many-classes", $"The label column '{_header[_labelIndex]}' has more than {_limits.MaxClasses:N0} distinct values; is it the right column?");
        }

        _classCounts[label] = seen + 1;
        var values = _rows is null ? null : new float[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            if (c == _labelIndex)
            {
                continue;
            }

            var cell = cells[c];
            if (CsvTableReader.IsMissing(cell))
            {
                _missing++;
                if (values is not null)
                {
                    values[c] = float.NaN;
                }

                continue;
            }

            var isNumber = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
            _kinds[c] ??= isNumber ? FeatureKind.Numeric : FeatureKind.Categorical;
            if (_kinds[c] == FeatureKind.Numeric)
            {
                if (!isNumber)
                {
                    throw new DatasetFormatException("csv-not-numeric", $"Row {row}, column '{_header[c]}': '{cell}' is not a number, but the column is numeric (its first value was a number). Fix the value or leave it empty for a missing value.");
                }

                if (values is not null)
                {
                    values[c] = (float)number;
                }
            }
            else
            {
                var categories = _categories[c];
                if (!categories.TryGetValue(cell, out var code))
                {
                    if (categories.Count >= _limits.MaxCategories)
                    {
                        throw new DatasetFormatException("csv-too-many-categories", $"Column '{_header[c]}' has more than {_limits.MaxCategories:N0} distinct text values; a categorical feature needs fewer.");
                    }

                    code = categories.Count;
                    categories[cell] = code;
                }

                if (values is not null)
                {
                    values[c] = code;
                }
            }
        }

        _rows?.Add(values!);
        _labels?.Add(label);
    }

    public void Complete()
    {
        if (_count == 0)
        {
            throw new DatasetFormatException("empty", "The CSV has a header but no data rows.");
        }

        if (_classCounts.Count < 2)
        {
            throw new DatasetFormatException("single-class", $"Every row has the label '{_classCounts.Keys.First()}' in column '{_header[_labelIndex]}': a classification dataset needs at least two classes.");
        }
    }

    public DatasetSchema Schema()
    {
        var classes = _classCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ClassCount(kv.Key, kv.Value)).ToArray();
        var columns = FeatureColumns().Select(f => new ColumnSchema(
            f.Column.Name,
            f.Column.Kind == FeatureKind.Numeric ? "numeric" : "categorical",
            f.Column.Kind == FeatureKind.Categorical ? f.Column.Categories : null)).ToArray();
        return new DatasetSchema(DatasetFormat.Csv, _count, classes, columns, _header[_labelIndex], MissingValues: _missing);
    }

    public TabularData Encode()
    {
        var features = FeatureColumns().ToArray();
        var names = new List<string>();
        var offsets = new int[features.Length];
        foreach (var (f, i) in features.Select((f, i) => (f, i)))
        {
            offsets[i] = names.Count;
            if (f.Column.Kind == FeatureKind.Numeric)
            {
                names.Add(f.Column.Name);
            }
            else
            {
                names.AddRange(f.Column.Categories.Select(v => $"{f.Column.Name}={v}"));
            }
        }

        var classes = _classCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var rows = _rows!;
        var width = names.Count;
        var matrix = new float[checked(rows.Count * width)];
        var labels = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var dest = matrix.AsSpan(r * width, width);
            for (var i = 0; i < features.Length; i++)
            {
                var value = rows[r][features[i].Source];
                if (features[i].Column.Kind == FeatureKind.Numeric)
                {
                    dest[offsets[i]] = value;
                }
                else if (float.IsNaN(value))
                {
                    dest.Slice(offsets[i], features[i].Column.Categories.Count).Fill(float.NaN);
                }
                else
                {
                    dest[offsets[i] + (int)value] = 1f;
                }
            }

            labels[r] = classIndex[_labels![r]];
        }

        return new TabularData(rows.Count, width, matrix, names, features.Select(f => f.Column).ToArray(), labels, classes);
    }

    private IEnumerable<(FeatureColumn Column, int Source)> FeatureColumns()
    {
        for (var c = 0; c < _header.Length; c++)
        {
            if (c == _labelIndex)
            {
                continue;
            }

            // A column with no value at all is treated as numeric (all missing).
            var kind = _kinds[c] ?? FeatureKind.Numeric;
            var categories = kind == FeatureKind.Categorical
                ? _categories[c].OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray()
                : Array.Empty<string>();
            yield return (new FeatureColumn(_header[c], kind, categories), c);
        }
    }
}
