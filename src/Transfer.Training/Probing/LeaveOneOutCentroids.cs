namespace Transfer.Training.Probing;

/// <summary>
/// Leave-one-out accuracy of a nearest-centroid classifier: each point is classified by the class centroids computed
/// without it, on features standardised over all points (a cheap, standard transferability probe of an embedding).
/// </summary>
public static class LeaveOneOutCentroids
{
    /// <summary>
    /// Accuracy over the <paramref name="count"/> rows of <paramref name="features"/> (row-major, <paramref name="dimensions"/>
    /// per row) with class indices <paramref name="labels"/> in [0, <paramref name="classes"/>). A point whose class has no
    /// other member cannot be predicted and counts as an error. Ties go to the lower class index.
    /// </summary>
    public static double Accuracy(ReadOnlySpan<float> features, int count, int dimensions, ReadOnlySpan<int> labels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (features.Length != count * dimensions || labels.Length != count)
        {
            throw new ArgumentException($"expected {count}×{dimensions} features and {count} labels; got {features.Length} and {labels.Length}");
        }

        var z = Standardise(features, count, dimensions);
        var sums = new double[classes * dimensions];
        var sizes = new int[classes];
        for (var i = 0; i < count; i++)
        {
            var k = labels[i];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, classes, nameof(labels));
            sizes[k]++;
            for (var j = 0; j < dimensions; j++)
            {
                sums[(k * dimensions) + j] += z[(i * dimensions) + j];
            }
        }

        var correct = 0;
        for (var i = 0; i < count; i++)
        {
            var own = labels[i];
            var (best, bestDistance) = (-1, double.PositiveInfinity);
            for (var k = 0; k < classes; k++)
            {
                var size = sizes[k] - (k == own ? 1 : 0);
                if (size == 0)
                {
                    continue;
                }

                double distance = 0;
                for (var j = 0; j < dimensions; j++)
                {
                    var x = z[(i * dimensions) + j];
                    var centroid = (sums[(k * dimensions) + j] - (k == own ? x : 0)) / size;
                    distance += (x - centroid) * (x - centroid);
                }

                if (distance < bestDistance)
                {
                    (best, bestDistance) = (k, distance);
                }
            }

            correct += best == own ? 1 : 0;
        }

        return correct / (double)count;
    }

    private static double[] Standardise(ReadOnlySpan<float> features, int count, int dimensions)
    {
        var z = new double[features.Length];
        for (var j = 0; j < dimensions; j++)
        {
            double sum = 0, sumSq = 0;
            for (var i = 0; i < count; i++)
            {
                double v = features[(i * dimensions) + j];
                sum += v;
                sumSq += v * v;
            }

            var mean = sum / count;
            var sd = Math.Sqrt(Math.Max(0, (sumSq / count) - (mean * mean)));
            for (var i = 0; i < count; i++)
            {
                // A constant dimension carries nothing: it maps to 0 for every point.
                z[(i * dimensions) + j] = sd < 1e-8 ? 0 : (features[(i * dimensions) + j] - mean) / sd;
            }
        }

        return z;
    }
}
