using MathNet.Numerics.Statistics;

namespace Transfer.Search.Samplers.Gp;

/// <summary>
/// Robust standardisation of losses for the GP: centred on the median, scaled by the interquartile range, the upper
/// (bad) tail log-compressed so a few huge losses (e.g. Rosenbrock) do not flatten the good region; then standardised.
/// </summary>
internal static class OutputTransform
{
    public static double[] Apply(double[] losses)
    {
        var sorted = losses.Order().ToArray();
        var median = SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7);
        var scale = SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7) - SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7);
        if (!(scale > 0))
        {
            scale = sorted[^1] - sorted[0];
        }

        if (!(scale > 0))
        {
            scale = 1;
        }

        var z = losses.Select(l => (l - median) / scale).Select(v => v > 0 ? Math.Log(1 + v) : v).ToArray();
        var mean = z.Average();
        var std = Math.Sqrt(z.Select(v => (v - mean) * (v - mean)).Average());
        return [.. z.Select(v => std > 0 ? (v - mean) / std : v - mean)];
    }
}
