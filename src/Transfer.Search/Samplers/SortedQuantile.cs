namespace Transfer.Search.Samplers;

/// <summary>The quantile of ascending values by linear interpolation between order statistics (R's type 7).</summary>
internal static class SortedQuantile
{
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        var pos = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
