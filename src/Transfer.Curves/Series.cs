namespace Transfer.Curves;

/// <summary>One measured quantity of a curve: the iterations it was reported at, raw and smoothed values, and its noise.</summary>
internal sealed class Series
{
    public Series(double[] iterations, double[] raw)
    {
        Iterations = iterations;
        Raw = raw;
        Smoothed = Smoothing.MedianThenMean(raw, Smoothing.Window(raw.Length));
        Despiked = Smoothing.RunningMedian(raw, Math.Min(3, Smoothing.Window(raw.Length)));
        Noise = Smoothing.NoiseSigma(raw);
    }

    public double[] Iterations { get; }

    public double[] Raw { get; }

    public double[] Smoothed { get; }

    public double[] Despiked { get; }

    public double Noise { get; }

    public int Count => Raw.Length;

    public double LastIteration => Iterations[^1];

    /// <summary>Mean of the smoothed values over the last tenth of the points (at least one).</summary>
    public double End => Tail(Smoothed, Math.Max(1, Count / 10));

    public int ArgMin()
    {
        var best = 0;
        for (var i = 1; i < Count; i++)
        {
            if (Smoothed[i] < Smoothed[best])
            {
                best = i;
            }
        }

        return best;
    }

    public int ArgMax()
    {
        var best = 0;
        for (var i = 1; i < Count; i++)
        {
            if (Smoothed[i] > Smoothed[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The smoothed value at the first report at or after <paramref name="iteration"/>.</summary>
    public double SmoothedAt(double iteration)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Iterations[i] >= iteration)
            {
                return Smoothed[i];
            }
        }

        return Smoothed[^1];
    }

    private static double Tail(double[] values, int count)
    {
        var sum = 0.0;
        for (var i = values.Length - count; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum / count;
    }
}
