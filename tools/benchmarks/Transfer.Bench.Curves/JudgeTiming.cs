using System.Diagnostics;
using Transfer.Contracts.Curves;
using Transfer.Curves;

namespace Transfer.Bench.Curves;

/// <summary>Median wall time of one judge call on the first <c>n</c> points of a curve.</summary>
internal static class JudgeTiming
{
    public static double MedianMicroseconds(CurveJudge judge, LearningCurve curve, int points, int repeats)
    {
        var prefix = new LearningCurve(curve.Points.Take(points).ToArray(), curve.MaxIteration, curve.ReferenceLoss);
        for (var i = 0; i < 50; i++)
        {
            judge.Judge(prefix);
        }

        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var start = Stopwatch.GetTimestamp();
            judge.Judge(prefix);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    /// <summary>A 200-report timing input: a saturating accuracy curve with seeded noise (only its length matters).</summary>
    public static LearningCurve TimingCurve(int seed)
    {
        var random = new Random(seed);
        var points = new CurvePoint[200];
        for (var k = 0; k < points.Length; k++)
        {
            var u = (k + 1) / 200.0;
            var s = Math.Exp(-u / 0.4);
            points[k] = new CurvePoint(
                (k + 1) * 10,
                2.3 * (0.1 + (0.9 * s)) * (1 + (0.03 * (random.NextDouble() - 0.5))),
                2.3 * (0.15 + (0.85 * s)),
                0.1 + (0.8 * (1 - s)) + (0.01 * (random.NextDouble() - 0.5)));
        }

        return new LearningCurve(points, 4000, Math.Log(10));
    }
}
