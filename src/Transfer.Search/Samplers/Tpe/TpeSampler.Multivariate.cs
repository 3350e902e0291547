namespace Transfer.Search.Samplers.Tpe;

public sealed partial class TpeSampler
{
    private const double CategoricalKeep = 0.8;

    /// <summary>
    /// Joint TPE: a candidate copies one good trial's values with Gaussian (continuous) or keep-or-switch (categorical)
    /// perturbations; l and g are mixtures of product kernels. A dimension a trial lacks (inactive there) counts with the
    /// prior density, so conditional dimensions need no special grouping.
    /// </summary>
    private double[] AskMultivariate(int[] below, List<double[]> pending, Random random)
    {
        var cache = _cache!;
        var dims = Space.Dimensions.Count;
        var isBelow = new HashSet<int>(below);
        var above = Enumerable.Range(0, cache.Losses.Count).Where(i => !isBelow.Contains(i)).Select(i => (cache.Units[i], cache.Weights[i])).ToList();
        above.AddRange(pending.Select(p => (p, 1.0)));
        var good = below.Select(i => (cache.Units[i], cache.Weights[i])).ToList();
        var sigmaL = Math.Max(0.01, 0.2 * Math.Pow(good.Count, -1.0 / (dims + 4)));
        var sigmaG = Math.Max(0.01, 0.2 * Math.Pow(Math.Max(1, above.Count), -1.0 / (dims + 4)));
        var goodWeight = good.Sum(g => g.Item2);

        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < _options.Candidates; c++)
        {
            var component = PickComponent(good, goodWeight, random);
            var x = new double[dims];
            for (var d = 0; d < dims; d++)
            {
                var dim = Space.Dimensions[d];
                if (dim.Parent >= 0 && !(!double.IsNaN(x[dim.Parent]) && dim.IsActiveGiven(x[dim.Parent])))
                {
                    x[d] = double.NaN;
                    continue;
                }

                var center = component is null ? double.NaN : component[d];
                x[d] = dim.IsCategorical
                    ? (!double.IsNaN(center) && random.NextDouble() < CategoricalKeep ? center : random.Next(dim.Choices.Count))
                    : double.IsNaN(center) ? random.NextDouble() : Math.Clamp(center + sigmaL * Normal(random), 0, 1);
            }

            var score = LogMixture(x, good, sigmaL, goodWeight) - LogMixture(x, above, sigmaG, above.Sum(a => a.Item2));
            if (score > bestScore)
            {
                (bestScore, best) = (score, x);
            }
        }

        var values = new double[dims];
        for (var d = 0; d < dims; d++)
        {
            var dim = Space.Dimensions[d];
            values[d] = double.IsNaN(best![d]) ? double.NaN : dim.IsCategorical ? best[d] : dim.FromUnit(best[d]);
        }

        Space.Deactivate(values);
        return values;
    }

    private double[]? PickComponent(List<(double[] Units, double Weight)> good, double goodWeight, Random random)
    {
        var r = random.NextDouble() * (goodWeight + _options.PriorWeight);
        foreach (var (units, w) in good)
        {
            if (r < w)
            {
                return units;
            }

            r -= w;
        }

        return null;
    }

    private double LogMixture(double[] x, List<(double[] Units, double Weight)> points, double sigma, double totalWeight)
    {
        var logs = new double[points.Count + 1];
        logs[0] = Math.Log(_options.PriorWeight) + LogKernel(x, null, sigma);
        for (var j = 0; j < points.Count; j++)
        {
            logs[j + 1] = Math.Log(points[j].Weight) + LogKernel(x, points[j].Units, sigma);
        }

        var max = logs.Max();
        var sum = 0.0;
        foreach (var l in logs)
        {
            sum += Math.Exp(l - max);
        }

        return max + Math.Log(sum) - Math.Log(totalWeight + _options.PriorWeight);
    }

    private double LogKernel(double[] x, double[]? center, double sigma)
    {
        var log = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            if (double.IsNaN(x[d]))
            {
                continue;
            }

            var dim = Space.Dimensions[d];
            var c = center is null ? double.NaN : center[d];
            if (dim.IsCategorical)
            {
                var k = dim.Choices.Count;
                log += double.IsNaN(c) || k == 1 ? -Math.Log(k) : Math.Log(c == x[d] ? CategoricalKeep + (1 - CategoricalKeep) / k : (1 - CategoricalKeep) / k);
            }
            else
            {
                var (m, s) = double.IsNaN(c) ? (0.5, PriorSigma) : (c, sigma);
                log += -0.5 * (x[d] - m) * (x[d] - m) / (s * s) - Math.Log(s);
            }
        }

        return log;
    }
}
