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
    public void ATrialForecastFarBelowTheBestStops()
    {
        var curve = CurveMaker.Make(30, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.6, 0.1), noise: 0.01, step: 20, maxIteration: 2000);
        var decision = _policy.Decide(curve, bestSoFar: 0.85);
        Assert.True(decision.Stop, decision.Reason);
        Assert.True(decision.Judgement.Extrapolation!.Upper < 0.85);
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
}
