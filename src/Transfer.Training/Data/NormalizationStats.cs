namespace Transfer.Training.Data;

/// <summary>
/// Per-channel (images, on the 0..1 scale) or per-column (tables) mean and standard deviation, computed on the train
/// split only. A zero deviation is stored as 1 so constant inputs map to 0.
/// </summary>
public sealed record NormalizationStats(IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>Per-channel statistics of the images at <paramref name="indices"/>.</summary>
    public static NormalizationStats ForImages(Transfer.Data.ImageData data, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        var plane = data.Height * data.Width;
        var mean = new float[data.Channels];
        var std = new float[data.Channels];
        for (var c = 0; c < data.Channels; c++)
        {
            // Histogram of byte values: exact sums without a pass in floating point per pixel.
            var histogram = new long[256];
            foreach (var i in indices)
            {
                foreach (var b in data.Image(i).Slice(c * plane, plane))
                {
                    histogram[b]++;
                }
            }

            double n = 0, sum = 0, sumSq = 0;
            for (var v = 0; v < 256; v++)
            {
                var x = v / 255.0;
                n += histogram[v];
                sum += histogram[v] * x;
                sumSq += histogram[v] * x * x;
            }

            var m = n > 0 ? sum / n : 0;
            var s = n > 0 ? Math.Sqrt(Math.Max(0, (sumSq / n) - (m * m))) : 1;
            mean[c] = (float)m;
            std[c] = s > 1e-8 ? (float)s : 1f;
        }

        return new NormalizationStats(mean, std);
    }

    /// <summary>Per-column statistics of the rows at <paramref name="indices"/>, ignoring missing (NaN) values.</summary>
    public static NormalizationStats ForTable(Transfer.Data.TabularData data, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        var n = new long[data.Columns];
        var sum = new double[data.Columns];
        var sumSq = new double[data.Columns];
        foreach (var i in indices)
        {
            var row = data.Row(i);
            for (var c = 0; c < row.Length; c++)
            {
                if (float.IsFinite(row[c]))
                {
                    n[c]++;
                    sum[c] += row[c];
                    sumSq[c] += (double)row[c] * row[c];
                }
            }
        }

        var mean = new float[data.Columns];
        var std = new float[data.Columns];
        for (var c = 0; c < data.Columns; c++)
        {
            var m = n[c] > 0 ? sum[c] / n[c] : 0;
            var s = n[c] > 0 ? Math.Sqrt(Math.Max(0, (sumSq[c] / n[c]) - (m * m))) : 1;
            mean[c] = (float)m;
            std[c] = s > 1e-8 ? (float)s : 1f;
        }

        return new NormalizationStats(mean, std);
    }
}
