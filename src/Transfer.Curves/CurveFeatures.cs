using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>The series of one curve (finite values only) and how many reports had non-finite losses.</summary>
internal sealed class CurveFeatures
{
    private CurveFeatures(LearningCurve curve)
    {
        var points = curve.Points;
        Train = Build(points, p => p.TrainLoss, out var nonFiniteTrain);
        ValLoss = Build(points, p => p.ValLoss, out var nonFiniteVal);
        Metric = Build(points, p => p.ValMetric, out _);
        NonFinite = nonFiniteTrain + nonFiniteVal;
        Count = points.Count;
        LastIteration = points.Count == 0 ? 0 : points[^1].Iteration;
        FirstIteration = points.Count == 0 ? 0 : points[0].Iteration;
        MaxIteration = Math.Max(curve.MaxIteration, LastIteration);
        ReferenceLoss = curve.ReferenceLoss is { } r && double.IsFinite(r) && r > 0
            ? r
            : Train is { } t ? FirstValues(t.Raw) : double.NaN;
    }

    public Series? Train { get; }

    public Series? ValLoss { get; }

    public Series? Metric { get; }

    public int NonFinite { get; }

    public int Count { get; }

    public double FirstIteration { get; }

    public double LastIteration { get; }

    public double MaxIteration { get; }

    public double ReferenceLoss { get; }

    /// <summary>Chance level of the metric when the reference loss is a K-class cross-entropy (e^-ref = 1/K).</summary>
    public double Chance => double.IsFinite(ReferenceLoss) ? Math.Exp(-ReferenceLoss) : 0.0;

    public static CurveFeatures From(LearningCurve curve) => new(curve);

    private static double FirstValues(double[] raw)
    {
        var first = raw.Take(Math.Min(3, raw.Length)).Order().ToArray();
        return first[first.Length / 2];
    }

    private static Series? Build(IReadOnlyList<CurvePoint> points, Func<CurvePoint, double?> select, out int nonFinite)
    {
        nonFinite = 0;
        var iterations = new List<double>(points.Count);
        var values = new List<double>(points.Count);
        foreach (var point in points)
        {
            if (select(point) is not { } value)
            {
                continue;
            }

            if (!double.IsFinite(value))
            {
                nonFinite++;
                continue;
            }

            iterations.Add(point.Iteration);
            values.Add(value);
        }

        return values.Count == 0 ? null : new Series([.. iterations], [.. values]);
    }
}
