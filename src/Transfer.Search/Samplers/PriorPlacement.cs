using MathNet.Numerics.Statistics;

namespace Transfer.Search.Samplers;

/// <summary>
/// Reads a <see cref="Transfer.Contracts.Search.PriorScale.Quantile"/> prior on a study's own loss scale, a quantile
/// transform as in Salinas et al., "A quantile-based approach for hyperparameter transfer learning" (ICML 2020): a prior
/// of quality q (1 = the best on its own task) takes the loss at quantile 1 - q of the study's completed trials (linear
/// interpolation between their order statistics, R's type 7), plus an offset of a billionth of their scale, growing with 1 - q,
/// that puts it just behind the trial it lands on and keeps the priors in their own order.
/// </summary>
public static class PriorPlacement
{
    /// <summary>
    /// The loss for a prior of <paramref name="quality"/>, given the study's completed losses in ascending order; with
    /// none yet, 1 - quality (only the priors' order counts then).
    /// </summary>
    public static double Loss(double quality, double[] sortedLosses)
    {
        ArgumentNullException.ThrowIfNull(sortedLosses);
        var u = 1 - Math.Clamp(quality, 0, 1);
        var c = sortedLosses.Length;
        if (c == 0)
        {
            return u;
        }

        var value = SortedArrayStatistics.QuantileCustom(sortedLosses, u, QuantileDefinition.R7);
        var scale = Math.Max(1, Math.Max(Math.Abs(sortedLosses[0]), Math.Abs(sortedLosses[c - 1])));
        return value + (scale * 1e-9 * (1 + u));
    }
}
