using Transfer.Contracts.Knowledge;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Fits and applies <see cref="MetaFeatureScaling"/>: per feature, centre at the median and divide by the
/// inter-quartile range over 1.349 (the standard deviation for normal data); where that is zero (a feature most
/// datasets share), by the standard deviation; where that is zero too, by 1. Scaled values are clipped so that one
/// extreme feature cannot outweigh all others. A benchmark model's embedding block counts as <see cref="EmbeddingWeight"/>
/// features together.
/// </summary>
public static class RobustScaler
{
    /// <summary>How many ordinary features one model's whole embedding block counts as in distances.</summary>
    public const double EmbeddingWeight = 4;

    /// <summary>Fits the scaling on the knowledge base's vectors (all of one feature set version).</summary>
    public static MetaFeatureScaling Fit(IReadOnlyList<MetaFeatureVector> vectors, double clip = 6)
    {
        if (vectors.Count == 0)
        {
            throw new ArgumentException("Fit the scaling on at least one vector.", nameof(vectors));
        }

        var first = vectors[0];
        EnsureSameSet(first, vectors);
        var d = first.Names.Count;
        var centers = new double[d];
        var scales = new double[d];
        var column = new double[vectors.Count];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < vectors.Count; i++)
            {
                column[i] = vectors[i].Values[j];
            }

            Array.Sort(column);
            centers[j] = Quantile(column, 0.5);
            var scale = (Quantile(column, 0.75) - Quantile(column, 0.25)) / 1.349;
            if (scale < 1e-9)
            {
                var mean = column.Average();
                scale = Math.Sqrt(column.Sum(x => (x - mean) * (x - mean)) / column.Length);
            }

            scales[j] = scale < 1e-9 ? 1 : scale;
        }

        // Each benchmark model's embedding (tens of channels) weighs as much as a few ordinary features together, not
        // as many as it has channels: otherwise one backbone's view would swamp the statistics and landmarkers.
        foreach (var model in first.Names.Where(n => n.StartsWith(MetaFeatureCatalog.EmbeddingPrefix, StringComparison.Ordinal))
            .GroupBy(n => n[..n.LastIndexOf('.')], StringComparer.Ordinal))
        {
            var block = model.ToHashSet(StringComparer.Ordinal);
            var widen = Math.Sqrt(Math.Max(1.0, block.Count / EmbeddingWeight));
            for (var j = 0; j < d; j++)
            {
                if (block.Contains(first.Names[j]))
                {
                    scales[j] *= widen;
                }
            }
        }

        return new MetaFeatureScaling(first.FeatureSetVersion, first.Names, centers, scales, clip);
    }

    /// <summary>The normalised values of a vector.</summary>
    /// <exception cref="ArgumentException">The vector is of another feature set version.</exception>
    public static double[] Transform(MetaFeatureScaling scaling, MetaFeatureVector vector)
    {
        if (vector.FeatureSetVersion != scaling.FeatureSetVersion || vector.Values.Count != scaling.Centers.Count)
        {
            throw new ArgumentException(
                $"The vector is of feature set {vector.FeatureSetVersion}; the scaling was fitted on {scaling.FeatureSetVersion}.", nameof(vector));
        }

        var result = new double[vector.Values.Count];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = Math.Clamp((vector.Values[j] - scaling.Centers[j]) / scaling.Scales[j], -scaling.Clip, scaling.Clip);
        }

        return result;
    }

    /// <summary>Root-mean-square difference between two normalised vectors: comparable across feature-set sizes.</summary>
    public static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double sum = 0;
        for (var j = 0; j < a.Count; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return Math.Sqrt(sum / Math.Max(1, a.Count));
    }

    internal static void EnsureSameSet(MetaFeatureVector first, IEnumerable<MetaFeatureVector> vectors)
    {
        foreach (var v in vectors)
        {
            if (v.FeatureSetVersion != first.FeatureSetVersion || v.Values.Count != first.Values.Count)
            {
                throw new ArgumentException(
                    $"Vectors of feature sets {first.FeatureSetVersion} and {v.FeatureSetVersion} cannot be mixed.", nameof(vectors));
            }
        }
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }
}
