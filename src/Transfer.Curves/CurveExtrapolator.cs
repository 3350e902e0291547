using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>
/// Extrapolates a series to the planned last iteration by fitting power law, exponential and log families
/// (after Domhan et al. 2015, with BIC weights instead of MCMC), and puts a band around the prediction from the
/// families' disagreement, the residual noise and a back-test (fit the first 60 %, predict the rest).
/// </summary>
internal static class CurveExtrapolator
{
    private const int MaxFitPoints = 64;
    private const double BacktestShare = 0.6;
    private static readonly CurveFamily[] _families = [CurveFamily.PowerLaw, CurveFamily.Exponential, CurveFamily.Log];

    public static CurveExtrapolation? Extrapolate(
        Series series, string name, bool higherIsBetter, double maxIteration, double lower, double upper)
    {
        if (series.Count < 3)
        {
            return null;
        }

        var shift = series.Count > 1 ? Math.Max(1.0, series.Iterations[1] - series.Iterations[0]) : 1.0;
        var scale = series.LastIteration + shift;
        var (x, y) = Sample(series, shift, scale);
        var fits = new List<FamilyFit>(3);
        foreach (var family in _families)
        {
            if (FamilyFitter.Fit(family, x, y) is { } fit)
            {
                fits.Add(fit);
            }
        }

        if (fits.Count == 0)
        {
            return null;
        }

        var target = Math.Max(1.0, (maxIteration + shift) / scale);
        var bestBic = fits.Min(f => f.Bic);
        var weights = fits.Select(f => Math.Exp(-0.5 * (f.Bic - bestBic))).ToArray();
        var total = weights.Sum();
        var predictions = fits.Select(f => f.Evaluate(target)).ToArray();
        var predicted = 0.0;
        for (var i = 0; i < fits.Count; i++)
        {
            weights[i] /= total;
            predicted += weights[i] * predictions[i];
        }

        var spread2 = 0.0;
        for (var i = 0; i < fits.Count; i++)
        {
            spread2 += weights[i] * (predictions[i] - predicted) * (predictions[i] - predicted);
        }

        var best = fits[Array.IndexOf(weights, weights.Max())];
        var horizon = Math.Log(target);
        var noise = 2.0 * best.Sigma * Math.Sqrt(3.0 / best.Count) * (1.0 + horizon);
        var backtest = Backtest(best.Family, x, y, series.End) * horizon / Math.Log(1.0 / BacktestShare);
        var half = Math.Sqrt(spread2 + (noise * noise) + (backtest * backtest)) + (0.5 * series.Noise / Math.Sqrt(Math.Max(1, series.Count / 10)));

        var range = Math.Abs(series.Smoothed[^1] - series.Smoothed[0]);
        int? plateauIteration = null;
        double? plateauValue = best.Asymptote;
        if (best.PlateauX(Math.Max(0.01 * range, 1e-6)) is { } px && px * scale < 100.0 * maxIteration)
        {
            plateauIteration = (int)Math.Round(Math.Max(series.Iterations[0], (px * scale) - shift));
        }
        else
        {
            plateauValue = null;
        }

        return new CurveExtrapolation(
            name,
            higherIsBetter,
            (int)maxIteration,
            Math.Clamp(predicted, lower, upper),
            Math.Clamp(predicted - half, lower, upper),
            Math.Clamp(predicted + half, lower, upper),
            best.Name,
            fits.Select((f, i) => (f.Name, Weight: weights[i])).ToDictionary(p => p.Name, p => Math.Round(p.Weight, 4)),
            plateauValue is { } v ? Math.Clamp(v, lower, upper) : null,
            plateauIteration);
    }

    private static (double[] X, double[] Y) Sample(Series series, double shift, double scale)
    {
        var n = series.Count;
        var m = Math.Min(n, MaxFitPoints);
        var x = new double[m];
        var y = new double[m];
        for (var k = 0; k < m; k++)
        {
            var i = m == n ? k : (int)Math.Round((double)k * (n - 1) / (m - 1));
            x[k] = (series.Iterations[i] + shift) / scale;
            y[k] = series.Despiked[i];
        }

        return (x, y);
    }

    /// <summary>How far the family, fitted to the first 60 % of the iterations, misses the smoothed end value.</summary>
    private static double Backtest(CurveFamily family, double[] x, double[] y, double end)
    {
        var cut = 0;
        while (cut < x.Length && x[cut] <= BacktestShare)
        {
            cut++;
        }

        if (cut < 6)
        {
            return 0.0;
        }

        var fit = FamilyFitter.Fit(family, x[..cut], y[..cut]);
        return fit is { } f ? Math.Abs(f.Evaluate(1.0) - end) : 0.0;
    }
}
