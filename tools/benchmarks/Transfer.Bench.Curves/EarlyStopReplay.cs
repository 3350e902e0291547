using Transfer.Contracts.Curves;
using Transfer.Curves;

namespace Transfer.Bench.Curves;

/// <summary>
/// Replays jobs of full trial curves in order: every trial to its end, versus the early-stop policy consulted at
/// every report with the best final validation metric of the trials before it. A stopped trial keeps the metric
/// it last reported.
/// </summary>
internal sealed record EarlyStopReplay(
    string Job, int Trials, int Stopped, long IterationsFull, long IterationsWithPolicy, double BestFull, double BestWithPolicy)
{
    public double SavedShare => 1.0 - ((double)IterationsWithPolicy / IterationsFull);

    public static EarlyStopReplay Run(string job, EarlyStopPolicy policy, IReadOnlyList<RecordedCurve> trials)
    {
        long full = 0;
        long used = 0;
        var stopped = 0;
        var bestFull = double.NegativeInfinity;
        var bestPolicy = double.NegativeInfinity;
        foreach (var trial in trials)
        {
            var points = trial.Points;
            full += points[^1].Iteration;
            bestFull = Math.Max(bestFull, LastMetric(points, points.Count));
            var end = points.Count;
            for (var k = 1; k < points.Count; k++)
            {
                var curve = new LearningCurve(points.Take(k).ToArray(), trial.MaxIteration, trial.ReferenceLoss);
                var best = double.IsFinite(bestPolicy) ? bestPolicy : (double?)null;
                if (policy.Decide(curve, best).Stop)
                {
                    end = k;
                    stopped++;
                    break;
                }
            }

            used += points[end - 1].Iteration;
            bestPolicy = Math.Max(bestPolicy, LastMetric(points, end));
        }

        return new EarlyStopReplay(job, trials.Count, stopped, full, used, bestFull, bestPolicy);
    }

    private static double LastMetric(IReadOnlyList<CurvePoint> points, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (points[i].ValMetric is { } m && double.IsFinite(m))
            {
                return m;
            }
        }

        return double.NegativeInfinity;
    }
}
