using MathNet.Numerics.LinearAlgebra;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Distribution summaries over a seeded sample of columns: constant/binary/zero fractions, skewness and kurtosis
/// (signed-log compressed, so one wild column does not dominate), absolute correlations and the fraction of
/// principal components needed for 95 % of the variance. NaN cells are skipped (correlations treat them as the mean).
/// </summary>
internal static class StatisticalFeatures
{
    public static void Compute(SampleMatrix m, int[] columns, FeatureBag bag)
    {
        var varying = new List<(int Column, double Mean, double Sd)>();
        var skews = new List<double>();
        var kurts = new List<double>();
        int constant = 0, binary = 0;
        long zeros = 0, cells = 0;
        var values = new List<double>(m.Rows);
        foreach (var c in columns)
        {
            values.Clear();
            for (var r = 0; r < m.Rows; r++)
            {
                var v = m.At(r, c);
                if (!float.IsNaN(v))
                {
                    values.Add(v);
                    zeros += v == 0f ? 1 : 0;
                }
            }

            cells += values.Count;
            var distinct = values.Distinct().Take(3).Count();
            binary += distinct <= 2 ? 1 : 0;
            var (mean, sd, skew, kurt) = Moments(values);
            if (distinct <= 1 || sd < 1e-9 * Math.Max(1, Math.Abs(mean)))
            {
                constant++;
                continue;
            }

            varying.Add((c, mean, sd));
            skews.Add(SignedLog(skew));
            kurts.Add(SignedLog(kurt));
        }

        var total = Math.Max(1, columns.Length);
        bag.Set("constant_fraction", constant / (double)total);
        bag.Set("binary_fraction", binary / (double)total);
        bag.Set("zero_fraction", cells == 0 ? 0 : zeros / (double)cells);
        bag.Set("skew_mean", Mean(skews));
        bag.Set("skew_sd", Sd(skews));
        bag.Set("kurt_mean", Mean(kurts));
        bag.Set("kurt_sd", Sd(kurts));
        Correlations(m, varying, bag);
    }

    private static void Correlations(SampleMatrix m, List<(int Column, double Mean, double Sd)> varying, FeatureBag bag)
    {
        if (varying.Count < 2 || m.Rows < 3)
        {
            bag.Set("abs_corr_mean", 0);
            bag.Set("abs_corr_p90", 0);
            bag.Set("pca_fraction_95", 1);
            return;
        }

        var z = Matrix<double>.Build.Dense(m.Rows, varying.Count, (r, j) =>
        {
            var v = m.At(r, varying[j].Column);
            return float.IsNaN(v) ? 0 : (v - varying[j].Mean) / varying[j].Sd;
        });
        var corr = z.TransposeThisAndMultiply(z) / m.Rows;
        var abs = new List<double>();
        for (var i = 0; i < varying.Count; i++)
        {
            for (var j = i + 1; j < varying.Count; j++)
            {
                abs.Add(Math.Min(1, Math.Abs(corr[i, j])));
            }
        }

        abs.Sort();
        bag.Set("abs_corr_mean", abs.Average());
        bag.Set("abs_corr_p90", abs[(int)Math.Floor(0.9 * (abs.Count - 1))]);

        var eigen = corr.Evd(Symmetricity.Symmetric).EigenValues.Select(e => Math.Max(0, e.Real)).OrderDescending().ToArray();
        var sum = eigen.Sum();
        double running = 0;
        var needed = eigen.Length;
        for (var i = 0; i < eigen.Length; i++)
        {
            running += eigen[i];
            if (running >= 0.95 * sum)
            {
                needed = i + 1;
                break;
            }
        }

        bag.Set("pca_fraction_95", needed / (double)eigen.Length);
    }

    private static (double Mean, double Sd, double Skew, double Kurt) Moments(List<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        var mean = values.Average();
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        var n = values.Count;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        if (m2 <= 0)
        {
            return (mean, 0, 0, 0);
        }

        return (mean, Math.Sqrt(m2), m3 / Math.Pow(m2, 1.5), (m4 / (m2 * m2)) - 3);
    }

    private static double SignedLog(double x) => Math.Sign(x) * Math.Log(1 + Math.Abs(x));

    private static double Mean(List<double> xs) => xs.Count == 0 ? 0 : xs.Average();

    private static double Sd(List<double> xs)
    {
        if (xs.Count < 2)
        {
            return 0;
        }

        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Count);
    }
}
