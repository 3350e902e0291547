using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

public sealed class ExtrapolationTests
{
    private readonly CurveJudge _judge = new();

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void APowerLawAccuracyCurveIsForecastWithinItsBand(double seen)
    {
        // y = 0.92 - 0.5 (t / 20)^-0.6 over 2000 iterations: the true final value is known.
        static double Truth(double t) => 0.92 - (0.5 * Math.Pow(t / 20.0, -0.6));
        var full = CurveMaker.Make(100, u => 1.0, valMetric: u => Truth(u * 2000), noise: 0.01, step: 20);
        var judgement = _judge.Judge(CurveMaker.Prefix(full, (int)(100 * seen)));
        var x = judgement.Extrapolation!;
        var truth = Truth(2000);
        Assert.Equal(2000, x.AtIteration);
        Assert.True(truth >= x.Lower && truth <= x.Upper, $"truth {truth} outside [{x.Lower}, {x.Upper}], predicted {x.Predicted} ({x.Family})");
        Assert.InRange(x.Predicted, truth - 0.02, truth + 0.02);
        Assert.True(x.Upper - x.Lower < 0.1, $"band [{x.Lower}, {x.Upper}] too wide to be useful");
    }

    [Fact]
    public void AnExponentialCurvePlateausNearItsAsymptoteAndSaysWhen()
    {
        var full = CurveMaker.Make(100, u => 1.0, valMetric: u => 0.85 - (0.75 * Math.Exp(-u / 0.15)), noise: 0.005, step: 20);
        var judgement = _judge.Judge(CurveMaker.Prefix(full, 40));
        var x = judgement.Extrapolation!;
        Assert.InRange(x.Predicted, 0.83, 0.87);
        Assert.InRange(0.85, x.Lower, x.Upper);
        Assert.NotNull(x.PlateauValue);
        Assert.InRange(x.PlateauValue!.Value, 0.83, 0.87);
        Assert.InRange(x.PlateauIteration!.Value, 600, 2000);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.Plateau && a.Text.Contains("by iteration", StringComparison.Ordinal));
    }

    [Fact]
    public void ALossCurveIsForecastDownwardsAndNotBelowZero()
    {
        var full = CurveMaker.Make(100, u => Shapes.Loss(u, 0.1, 0.3), noise: 0.01, step: 20);
        var judgement = _judge.Judge(CurveMaker.Prefix(full, 40));
        var x = judgement.Extrapolation!;
        var truth = Shapes.Loss(1.0, 0.1, 0.3);
        Assert.False(x.HigherIsBetter);
        Assert.True(x.Lower >= 0);
        Assert.InRange(truth, x.Lower, x.Upper);
    }

    [Fact]
    public void FamilyWeightsSumToOne()
    {
        var curve = CurveMaker.Make(50, u => 1.0, valMetric: u => Shapes.Accuracy(u, 0.9, 0.3), noise: 0.01);
        var weights = _judge.Judge(curve).Extrapolation!.Weights;
        Assert.Equal(3, weights.Count);
        Assert.InRange(weights.Values.Sum(), 0.999, 1.001);
    }
}
