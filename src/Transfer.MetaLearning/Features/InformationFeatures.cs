namespace Transfer.MetaLearning.Features;

/// <summary>
/// Class entropy (normalised by log of the class count), majority fraction, imbalance (rarest over commonest class),
/// and mutual information between each sampled column, cut into equal-width bins, and the class (normalised by the
/// class entropy), with the columns' own binned entropy (normalised by log of the bin count).
/// </summary>
internal static class InformationFeatures
{
    private const int Bins = 8;

    public static double Compute(SampleMatrix m, int[] columns, FeatureBag bag)
    {
        var k = Math.Max(1, m.ClassCount);
        var counts = new int[k];
        foreach (var y in m.Labels)
        {
            counts[y]++;
        }

        var classEntropy = Entropy(counts, m.Rows);
        var present = counts.Where(c => c > 0).ToArray();
        var majority = m.Rows == 0 ? 1 : counts.Max() / (double)m.Rows;
        bag.Set("class_entropy", k > 1 ? classEntropy / Math.Log(k) : 0);
        bag.Set("majority_fraction", majority);
        bag.Set("imbalance_ratio", present.Length == 0 ? 1 : present.Min() / (double)present.Max());

        var mis = new List<double>();
        var entropies = new List<double>();
        var joint = new int[Bins * k];
        var marginal = new int[Bins];
        foreach (var c in columns)
        {
            Array.Clear(joint);
            Array.Clear(marginal);
            var (min, max) = Range(m, c);
            if (!(max > min))
            {
                continue;
            }

            var n = 0;
            for (var r = 0; r < m.Rows; r++)
            {
                var v = m.At(r, c);
                if (float.IsNaN(v))
                {
                    continue;
                }

                var b = Math.Min(Bins - 1, (int)((v - min) / (max - min) * Bins));
                joint[(b * k) + m.Labels[r]]++;
                marginal[b]++;
                n++;
            }

            var hx = Entropy(marginal, n);
            var hxy = Entropy(joint, n);
            var hy = Entropy(LabelCounts(joint, k), n);
            mis.Add(classEntropy > 0 ? Math.Max(0, hx + hy - hxy) / classEntropy : 0);
            entropies.Add(hx / Math.Log(Bins));
        }

        bag.Set("mutual_info_mean", mis.Count == 0 ? 0 : mis.Average());
        bag.Set("mutual_info_max", mis.Count == 0 ? 0 : mis.Max());
        bag.Set("feature_entropy_mean", entropies.Count == 0 ? 0 : entropies.Average());
        return majority;
    }

    private static int[] LabelCounts(int[] joint, int k)
    {
        var counts = new int[k];
        for (var i = 0; i < joint.Length; i++)
        {
            counts[i % k] += joint[i];
        }

        return counts;
    }

    private static (float Min, float Max) Range(SampleMatrix m, int column)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var r = 0; r < m.Rows; r++)
        {
            var v = m.At(r, column);
            if (!float.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return (min, max);
    }

    private static double Entropy(int[] counts, int n)
    {
        if (n == 0)
        {
            return 0;
        }

        double h = 0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                var p = c / (double)n;
                h -= p * Math.Log(p);
            }
        }

        return h;
    }
}
