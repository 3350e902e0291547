using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

public sealed class EarlyStopPolicyTests
{
    private readonly EarlyStopPolicy _policy = new();

    [Fact]
    public void ADivergingTrialStopsEvenWithoutABestValue()
    {
        var curve = CurveMaker.Make(20, u => u > 0.7 ? double.PositiveInfinity : Shapes.Loss(u, 0.3, 0.2), maxIteration: 2000);
        var decision = _policy.Decide(curve, bestSoFar: null);
        Assert.True(decision.Stop);
        Assert.StartsWith("diverging", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALossSpikeWhileTheMetricKeepsLearningIsNotStoppedAsDivergingButTheSameSpikeAtChanceIs()
    {
        // An adaptive optimiser's early spike: the training loss jumps far above the untrained loss (ln 10) and comes down.
        double[] losses = [1.2, 6.5, 5.8, 4.1, 3.0];
        LearningCurve Curve(double[] metric) =>
            new([.. losses.Select((l, k) => new CurvePoint((k + 1) * 10, l, null, metric[k]))], 2000, Math.Log(10));

        var learning = _policy.Decide(Curve([0.35, 0.45, 0.55, 0.62, 0.70]), bestSoFar: null);
        var broken = _policy.Decide(Curve([0.35, 0.12, 0.10, 0.10, 0.11]), bestSoFar: null);

        Assert.False(learning.Stop, learning.Reason);
        Assert.True(broken.Stop, broken.Reason);
        Assert.StartsWith("diverging", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ANaNInTheThirdReportStopsAtOnce()
    {
        var curve = CurveMaker.Make(3, u => u > 0.9 ? double.NaN : 2.0, maxIteration: 2000);
        var decision = _policy.Decide(curve, bestSoFar: null);
        Assert.True(decision.Stop, decision.Reason);
        Assert.Equal(TrafficLight.Red, decision.Judgement.Light);
    }

    [Fact]
    public void ATrialForecastFarBelowTheBestStops()
    {
        var curve = CurveMaker.Make(30, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.6, 0.1), noise: 0.01, step: 20, maxIteration: 2000);
        var decision = _policy.Decide(curve, bestSoFar: 0.85);
        Assert.True(decision.Stop, decision.Reason);
        Assert.True(decision.Judgement.Extrapolation!.Upper < 0.85);
    }

    [Fact]
    public void AForecastJustBelowTheBestGoesOnWhenTheFinalMeasurementIsThatNoisy()
    {
        var curve = CurveMaker.Make(30, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.6, 0.1), noise: 0.01, step: 20, maxIteration: 2000);
        var upper = _policy.Decide(curve, bestSoFar: null).Judgement.Extrapolation!.Upper;
        var best = upper + 0.02;

        Assert.True(_policy.Decide(curve, best).Stop);
        Assert.False(_policy.Decide(curve, best, measurementError: 0.03).Stop);
    }

    [Fact]
    public void AForecastFromTooFewReportsDoesNotOverruleARung()
    {
        // A real fine-tuning run (AdaDelta, 8 steps an epoch, 48 planned): its first epoch extrapolates to the top; it ended at 0.85.
        double[] accuracy = [0.361, 0.389, 0.444, 0.556, 0.617, 0.644, 0.717, 0.761, 0.772, 0.772, 0.806, 0.811];
        LearningCurve Curve(int reports) =>
            new([.. accuracy.Take(reports).Select((a, k) => new CurvePoint(2 * (k + 1), 1.1 - (0.6 * a), null, a))], 48, Math.Log(3));

        var early = _policy.Decide(Curve(4), bestSoFar: 0.95).Judgement;
        var later = _policy.Decide(Curve(12), bestSoFar: 0.95).Judgement;

        Assert.True(early.TooEarly);
        Assert.True(early.Extrapolation!.Predicted >= 0.95, $"forecast {early.Extrapolation.Predicted}");
        Assert.False(EarlyStopPolicy.ForecastReaches(early, 0.95));
        Assert.False(later.TooEarly);
        Assert.True(EarlyStopPolicy.ForecastReaches(later, later.Extrapolation!.Predicted - 0.01), $"{later.State}");
    }

    [Fact]
    public void ATrialThatCanStillReachTheBestContinues()
    {
        var curve = CurveMaker.Make(30, u => 1.0, valMetric: u => 0.1 + (0.6 * u), noise: 0.01, step: 20, maxIteration: 2000);
        var decision = _policy.Decide(curve, bestSoFar: 0.8);
        Assert.False(decision.Stop, decision.Reason);
    }

    [Fact]
    public void WithoutABestValueAHealthyTrialContinues()
    {
        var curve = CurveMaker.Make(30, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.6, 0.1), noise: 0.01, step: 20, maxIteration: 2000);
        Assert.False(_policy.Decide(curve, bestSoFar: null).Stop);
    }

    [Fact]
    public void NoForecastStopBeforeTheMinimumProgress()
    {
        var curve = CurveMaker.Make(8, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.3, 0.1), noise: 0.01, step: 20, maxIteration: 4000);
        var decision = _policy.Decide(curve, bestSoFar: 0.9);
        Assert.False(decision.Stop, decision.Reason);
    }

    [Fact]
    public void ReplayingAJobSavesIterationsWithoutLosingTheSlowTrialThatEndsBest()
    {
        // Ten configurations of one task, run in this order: fast mediocre ones, one broken, and a slow one that ends best.
        var finals = new[] { 0.80, 0.62, 0.70, 0.55, 0.78, 0.66, 0.50, 0.74, 0.60 };
        var trials = finals
            .Select((final, i) => CurveMaker.Make(100, u => Shapes.Loss(u, 0.2, 0.1), valMetric: u => Shapes.Accuracy(u, final, 0.1), noise: 0.01, seed: i, step: 20))
            .Append(CurveMaker.Make(100, u => u > 0.3 ? double.NaN : Shapes.Loss(u, 0.2, 0.1), valMetric: u => 0.1, seed: 20, step: 20))
            .Append(CurveMaker.Make(100, u => Shapes.Loss(u, 0.1, 0.6), valMetric: u => Shapes.Accuracy(u, 0.9, 0.45), noise: 0.01, seed: 21, step: 20))
            .ToList();
        double? best = null;
        var used = 0;
        var stoppedLast = false;
        foreach (var trial in trials)
        {
            var end = trial.Points.Count;
            for (var k = 1; k < trial.Points.Count; k++)
            {
                if (_policy.Decide(CurveMaker.Prefix(trial, k), best).Stop)
                {
                    end = k;
                    break;
                }
            }

            used += end;
            stoppedLast = end < trial.Points.Count;
            var final = trial.Points[end - 1].ValMetric ?? 0.0;
            best = Math.Max(best ?? final, final);
        }

        Assert.False(stoppedLast, "the slow trial that ends best was stopped");
        Assert.True(used <= 0.6 * 100 * trials.Count, $"ran {used} of {100 * trials.Count} reports");
    }
}
