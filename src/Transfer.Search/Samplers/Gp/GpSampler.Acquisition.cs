using MathNet.Numerics;

namespace Transfer.Search.Samplers.Gp;

public sealed partial class GpSampler
{
    /// <summary>
    /// Expected improvement over a capped candidate set: uniform draws, perturbations of the best observed points, then
    /// rounds of smaller perturbations around the best candidates so far. Every candidate is a legal point of the space.
    /// </summary>
    private double[] MaximiseExpectedImprovement(GaussianProcess gp, List<Observation> observations, double best, Random random)
    {
        var candidates = new List<double[]>(_options.RandomCandidates + _options.LocalCandidates);
        for (var i = 0; i < _options.RandomCandidates; i++)
        {
            candidates.Add(Space.SampleUniform(random));
        }

        var top = observations.OrderBy(o => o.Loss).Take(5).Select(o => o.Values).ToList();
        for (var i = 0; i < _options.LocalCandidates; i++)
        {
            candidates.Add(Perturb(top[i % top.Count], 0.1, random));
        }

        var scores = ExpectedImprovement(gp, candidates, best);
        for (var round = 0; round < _options.RefineRounds; round++)
        {
            var leaders = Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).Take(4).Select(i => candidates[i]).ToList();
            var local = new List<double[]>();
            foreach (var leader in leaders)
            {
                for (var k = 0; k < 16; k++)
                {
                    local.Add(Perturb(leader, 0.05 / (round + 1), random));
                }
            }

            var localScores = ExpectedImprovement(gp, local, best);
            candidates.AddRange(local);
            scores = [.. scores, .. localScores];
        }

        var winner = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[winner])
            {
                winner = i;
            }
        }

        return candidates[winner];
    }

    private double[] ExpectedImprovement(GaussianProcess gp, List<double[]> candidates, double best)
    {
        var (mean, variance) = gp.Predict([.. candidates.Select(Features)]);
        var ei = new double[candidates.Count];
        for (var i = 0; i < ei.Length; i++)
        {
            var sigma = Math.Sqrt(variance[i]);
            var improvement = best - mean[i] - _options.Xi;
            var z = improvement / sigma;
            var cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            var pdf = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            ei[i] = improvement * cdf + sigma * pdf;
        }

        return ei;
    }

    private double[] Perturb(double[] values, double sigma, Random random)
    {
        var next = (double[])values.Clone();
        for (var d = 0; d < next.Length; d++)
        {
            var dim = Space.Dimensions[d];
            if (double.IsNaN(next[d]))
            {
                continue;
            }

            if (dim.IsCategorical)
            {
                if (random.NextDouble() < 0.15)
                {
                    next[d] = random.Next(dim.Choices.Count);
                }
            }
            else
            {
                next[d] = dim.FromUnit(dim.ToUnit(next[d]) + sigma * Tpe.TpeSampler.Normal(random));
            }
        }

        Space.Repair(next, random);
        return next;
    }
}
