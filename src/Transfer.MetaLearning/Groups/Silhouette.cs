namespace Transfer.MetaLearning.Groups;

/// <summary>Mean silhouette of a labelling over a precomputed distance matrix (points in singleton clusters score 0).</summary>
internal static class Silhouette
{
    public static double Mean(double[,] distances, int[] labels, int k)
    {
        var n = labels.Length;
        var sizes = new int[k];
        foreach (var l in labels)
        {
            sizes[l]++;
        }

        var sums = new double[k];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                sums[labels[j]] += distances[i, j];
            }

            var own = labels[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            total += double.IsPositiveInfinity(b) || Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }

        return total / n;
    }
}
