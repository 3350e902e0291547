using Transfer.Data;

namespace Transfer.Training.Data;

/// <summary>
/// The rows at <see cref="Indices"/> of a <see cref="TabularData"/>, standardised per column with train statistics;
/// missing values become 0 (the train mean). Tables have no augmentation.
/// </summary>
public sealed class TabularExampleSet : IExampleSet
{
    private readonly TabularData _data;
    private readonly float[] _mean;
    private readonly float[] _scale;

    public TabularExampleSet(TabularData data, int[] indices, NormalizationStats stats)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stats);
        _data = data;
        Indices = indices;
        _mean = [.. stats.Mean];
        _scale = stats.Std.Select(s => 1f / s).ToArray();
        ExampleShape = [data.Columns];
    }

    /// <summary>The dataset rows in this split.</summary>
    public int[] Indices { get; }

    public int Count => Indices.Length;

    public int Classes => _data.Classes.Count;

    public IReadOnlyList<long> ExampleShape { get; }

    public int ExampleSize => _data.Columns;

    public int Label(int position) => _data.Labels[Indices[position]];

    public void Fill(ReadOnlySpan<int> positions, Span<float> features, Span<long> labels, Random? augmentation)
    {
        var size = ExampleSize;
        for (var k = 0; k < positions.Length; k++)
        {
            var index = Indices[positions[k]];
            labels[k] = _data.Labels[index];
            Standardise(_data.Row(index), features.Slice(k * size, size), _mean, _scale);
        }
    }

    /// <summary>Standardises one row: <c>(x − mean) · scale</c>, and 0 for missing values.</summary>
    public static void Standardise(ReadOnlySpan<float> row, Span<float> target, ReadOnlySpan<float> mean, ReadOnlySpan<float> scale)
    {
        for (var c = 0; c < row.Length; c++)
        {
            target[c] = float.IsFinite(row[c]) ? (row[c] - mean[c]) * scale[c] : 0f;
        }
    }
}
