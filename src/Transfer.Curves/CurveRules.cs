using MathNet.Numerics;

namespace Transfer.Curves;

/// <summary>The evidence behind each state, computed from the smoothed series and written into the evidence table.</summary>
internal static class CurveRules
{
    /// <summary>Divergence: non-finite losses, a training loss well above its minimum, or one that ended above the untrained loss.</summary>
    public static double Diverging(CurveFeatures f, CurveJudgeOptions o, Dictionary<string, double> evidence)
    {
        evidence["non_finite"] = f.NonFinite;
        if (f.NonFinite > 0)
        {
            return 1.0;
        }

        if (f.Train is not { Count: >= 3 } train)
        {
            return 0.0;
        }

        var end = train.End;
        var min = train.Smoothed.Min();
        var reference = f.ReferenceLoss;
        var rise = end / Math.Max(min, 1e-12);
        var overReference = end / reference;
        evidence["train_loss_rise"] = rise;
        evidence["train_loss_over_reference"] = overReference;

        // A loss that spiked far above the untrained loss and came back to it has stopped learning for good.
        var peak = train.Despiked.Max();
        evidence["train_loss_peak_over_reference"] = peak / reference;
        var score = 0.0;
        if (rise >= o.DivergenceRiseRatio && end - min >= o.DivergenceRiseShare * reference)
        {
            score = Math.Max(score, Math.Min(1.0, 0.6 + (0.2 * (rise / o.DivergenceRiseRatio))));
        }

        if (overReference >= o.DivergenceOverReference)
        {
            score = Math.Max(score, Math.Min(1.0, 0.6 + (0.2 * (overReference / o.DivergenceOverReference))));
        }

        if (peak >= 2.0 * reference && overReference >= 0.9)
        {
            score = Math.Max(score, 0.75);
        }

        return score > 0 && StillLearning(f, evidence) ? Math.Min(score, o.SpikeWhileLearningConfidence) : score;
    }

    /// <summary>
    /// A training-loss spike the validation metric shrugs off is not divergence: adaptive optimisers (RMSProp, Adam) often
    /// spike and dip, and recover. The metric still learns when its best so far is well above chance (a quarter of the way
    /// from chance to perfect) and its last value has kept at least half of that gain; a diverging run falls back to chance.
    /// </summary>
    private static bool StillLearning(CurveFeatures f, Dictionary<string, double> evidence)
    {
        if (f.Metric is not { Count: >= 2 } metric || f.Chance <= 0 || f.Chance >= 1)
        {
            return false;
        }

        var last = metric.Raw[^1];
        var best = metric.Raw.Max();
        evidence["val_metric_over_chance"] = last - f.Chance;
        return best - f.Chance >= 0.25 * (1 - f.Chance) && last - f.Chance >= 0.5 * (best - f.Chance);
    }

    /// <summary>Over-fitting: validation loss rising from its minimum while the training loss does not rise.</summary>
    public static double OverFitting(CurveFeatures f, CurveJudgeOptions o, Dictionary<string, double> evidence)
    {
        if (f.ValLoss is { Count: >= 5 } val)
        {
            var argMin = val.ArgMin();
            var min = val.Smoothed[argMin];
            var end = val.End;
            var rise = (end - min) / Math.Max(min, 1e-12);
            var significant = end - min >= 3.0 * val.Noise / Math.Sqrt(Math.Max(1, val.Count / 10));
            var trainEnd = f.Train?.End ?? double.NaN;
            var trainAtMin = f.Train?.SmoothedAt(val.Iterations[argMin]) ?? double.NaN;
            var minAt = (val.Iterations[argMin] - f.FirstIteration) / Math.Max(1.0, f.LastIteration - f.FirstIteration);
            evidence["val_loss_min"] = min;
            evidence["val_loss_min_iteration"] = val.Iterations[argMin];
            evidence["val_loss_end"] = end;
            evidence["val_loss_rise"] = rise;
            if (double.IsFinite(trainEnd))
            {
                evidence["generalisation_gap"] = end - trainEnd;
            }

            var trainNotRising = !double.IsFinite(trainEnd) || trainEnd <= trainAtMin * 1.1;
            if (rise >= o.OverFitValLossRise && significant && minAt <= 0.9 && trainNotRising)
            {
                return Math.Min(1.0, 0.55 + (0.15 * rise / o.OverFitValLossRise));
            }

            return 0.0;
        }

        if (f.Metric is { Count: >= 5 } metric)
        {
            var argMax = metric.ArgMax();
            var drop = metric.Smoothed[argMax] - metric.End;
            evidence["val_metric_drop"] = drop;
            var significant = drop >= 4.0 * metric.Noise / Math.Sqrt(Math.Max(1, metric.Count / 10));
            if (drop >= o.OverFitMetricDrop && significant)
            {
                return Math.Min(1.0, 0.5 + (0.1 * drop / o.OverFitMetricDrop));
            }
        }

        return 0.0;
    }

    /// <summary>
    /// Gain of the judged series (oriented so that higher is better) over the late window, its share of the gain so
    /// far and its z-score (slope over its standard error, from a MathNet line fit).
    /// </summary>
    public static (double Gain, double Share, double Z) LateGain(
        Series series, double sign, double start, double window)
    {
        var last = series.LastIteration;
        var from = last - (window * (last - series.Iterations[0]));
        var first = 0;
        while (first < series.Count - 3 && series.Iterations[first] < from)
        {
            first++;
        }

        var m = series.Count - first;
        if (m < 3)
        {
            return (0.0, 0.0, 0.0);
        }

        var x = series.Iterations[first..];
        var y = new double[m];
        for (var i = 0; i < m; i++)
        {
            y[i] = sign * series.Raw[first + i];
        }

        var (a, b) = Fit.Line(x, y);
        var sse = 0.0;
        var mean = x.Average();
        var sxx = 0.0;
        for (var i = 0; i < m; i++)
        {
            var r = y[i] - (a + (b * x[i]));
            sse += r * r;
            sxx += (x[i] - mean) * (x[i] - mean);
        }

        var span = x[^1] - x[0];
        var gain = b * span;
        var se = m > 2 && sxx > 0 ? Math.Sqrt(sse / (m - 2) / sxx) * span : 0.0;
        var total = sign > 0 ? series.Smoothed.Max() - start : start - series.Smoothed.Min();
        var share = gain / Math.Max(total, 1e-9);
        var z = se > 0 ? gain / se : gain > 0 ? 10.0 : 0.0;
        return (gain, share, z);
    }
}
