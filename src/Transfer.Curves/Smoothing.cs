using MathNet.Numerics.Statistics;

namespace Transfer.Curves;

/// <summary>Robust smoothing for noisy curves: a running median (kills spikes) followed by a running mean.</summary>
internal static class Smoothing
{
    /// <summary>Odd window that grows with the number of points: 1 below 5 points, at most 9.</summary>
    public static int Window(int count) => count < 5 ? 1 : Math.Min(9, 2 * (count / 16) + 3);

    public static double[] MedianThenMean(IReadOnlyList<double> values, int window)
    {
        var median = RunningMedian(values, window);
        return RunningMean(median, window);
    }

    public static double[] RunningMedian(IReadOnlyList<double> values, int window)
    {
        var n = values.Count;
        var result = new double[n];
        var half = window / 2;
        var buffer = new double[window];
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n - 1, i + half);
            var k = 0;
            for (var j = lo; j <= hi; j++)
            {
                buffer[k++] = values[j];
            }

            result[i] = k == 1 ? buffer[0] : ArrayStatistics.MedianInplace(buffer.AsSpan(0, k).ToArray());
        }

        return result;
    }

    public static double[] RunningMean(IReadOnlyList<double> values, int window)
    {
        var n = values.Count;
        var result = new double[n];
        var half = window / 2;
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n - 1, i + half);
            var sum = 0.0;
            for (var j = lo; j <= hi; j++)
            {
                sum += values[j];
            }

            result[i] = sum / (hi - lo + 1);
        }

        return result;
    }

    /// <summary>Noise level of a series: the scaled median absolute deviation of its second differences.</summary>
    public static double NoiseSigma(IReadOnlyList<double> values)
    {
        if (values.Count < 4)
        {
            return 0.0;
        }

        var diffs = new double[values.Count - 2];
        for (var i = 0; i < diffs.Length; i++)
        {
            diffs[i] = Math.Abs(values[i + 2] - (2 * values[i + 1]) + values[i]);
        }

        // Second differences of white noise have standard deviation sigma * sqrt(6); 1.4826 turns a MAD into a sigma.
        return 1.4826 * ArrayStatistics.MedianInplace(diffs) / Math.Sqrt(6.0);
    }
}
