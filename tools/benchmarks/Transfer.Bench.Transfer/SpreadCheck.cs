using MathNet.Numerics.Distributions;

namespace Transfer.Bench.Transfer;

/// <summary>
/// How much a "smallest spread over 3 seeds" verdict can be trusted, from a run with more seeds: each arm's std with its
/// 95 % confidence interval (chi-squared, the per-seed values taken as normal), and for every 3-seed subset of the run's
/// seeds which arm has the smallest std — the share of subsets each arm wins is the chance that a 3-seed run on these
/// seeds declares it the most stable.
/// </summary>
public static class SpreadCheck
{
    /// <summary>The 95 % confidence interval of the standard deviation of <paramref name="values"/> (n ≥ 2).</summary>
    public static (double Low, double High) StdInterval(IReadOnlyList<double> values)
    {
        var std = new Arm(values).Std;
        var dof = values.Count - 1;
        return (std * Math.Sqrt(dof / ChiSquared.InvCDF(dof, 0.975)), std * Math.Sqrt(dof / ChiSquared.InvCDF(dof, 0.025)));
    }

    /// <summary>
    /// For every <paramref name="size"/>-seed subset of the seeds (the arms' values are per seed, in the same order), the
    /// arm with the smallest std; returns the share of subsets each arm wins (ties go to none).
    /// </summary>
    public static double[] SmallestStdShares(IReadOnlyList<Arm> arms, int size = 3)
    {
        var n = arms[0].Values.Count;
        if (arms.Any(a => a.Values.Count != n) || size < 2 || size > n)
        {
            throw new ArgumentException($"Arms need the same number of values, at least {size} (got {string.Join(", ", arms.Select(a => a.Values.Count))}).");
        }

        var wins = new int[arms.Count];
        var subsets = 0;
        foreach (var subset in Subsets(n, size))
        {
            subsets++;
            var stds = arms.Select(a => new Arm([.. subset.Select(i => a.Values[i])]).Std).ToArray();
            var min = stds.Min();
            if (stds.Count(s => s == min) == 1)
            {
                wins[Array.IndexOf(stds, min)]++;
            }
        }

        return [.. wins.Select(w => (double)w / subsets)];
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var index = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. index];
            var i = size - 1;
            while (i >= 0 && index[i] == n - size + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var j = i + 1; j < size; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }
}
