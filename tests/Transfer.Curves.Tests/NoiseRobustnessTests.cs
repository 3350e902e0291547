using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

public sealed class NoiseRobustnessTests
{
    private readonly CurveJudge _judge = new();

    public static TheoryData<CurveState> States => [CurveState.Converged, CurveState.Improving, CurveState.UnderFitting, CurveState.OverFitting, CurveState.Diverging];

    [Theory]
    [MemberData(nameof(States))]
    public void HeavyNoiseAndSpikesRarelyChangeTheState(CurveState state)
    {
        var right = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var curve = WithSpikes(Make(state, noise: 0.05, seed), seed);
            right += _judge.Judge(curve).State == state ? 1 : 0;
        }

        Assert.True(right >= 18, $"{state}: {right}/20 right under heavy noise");
    }

    [Fact]
    public void OneOutlierDoesNotMakeAConvergedRunDiverge()
    {
        var clean = Make(CurveState.Converged, noise: 0.01, seed: 3);
        var points = clean.Points.ToArray();
        points[^3] = points[^3] with { TrainLoss = points[^3].TrainLoss * 8 };
        var judgement = _judge.Judge(clean with { Points = points });
        Assert.Equal(CurveState.Converged, judgement.State);
    }

    private static LearningCurve Make(CurveState state, double noise, int seed) => state switch
    {
        CurveState.Converged => CurveMaker.Make(90, u => Shapes.Loss(u, 0.12, 0.07), u => Shapes.Loss(u, 0.15, 0.07), u => Shapes.Accuracy(u, 0.88, 0.07), noise, seed),
        CurveState.Improving => CurveMaker.Make(90, u => Shapes.Loss(u, 0.1, 0.7), u => Shapes.Loss(u, 0.13, 0.7), u => Shapes.Accuracy(u, 0.9, 0.7), noise, seed),
        CurveState.UnderFitting => CurveMaker.Make(90, u => Shapes.Loss(u, 0.7, 0.07), u => Shapes.Loss(u, 0.71, 0.07), u => Shapes.Accuracy(u, 0.3, 0.07), noise, seed),
        CurveState.OverFitting => CurveMaker.Make(
            90,
            u => Shapes.Loss(u, 0.01, 0.1),
            u => Shapes.Loss(u, 0.2, 0.1) + (Math.Max(0, u - 0.35) * 0.9),
            u => Shapes.Accuracy(u, 0.8, 0.1),
            noise,
            seed),
        _ => CurveMaker.Make(90, u => u < 0.6 ? Shapes.Loss(u, 0.2, 0.1) : Shapes.Loss(0.6, 0.2, 0.1) * Math.Exp(5 * (u - 0.6)), noise: noise, seed: seed),
    };

    private static LearningCurve WithSpikes(LearningCurve curve, int seed)
    {
        var random = new Random(seed + 1000);
        var points = curve.Points
            .Select(p => random.NextDouble() < 0.05 ? p with { TrainLoss = p.TrainLoss * (1.5 + random.NextDouble()) } : p)
            .ToArray();
        return curve with { Points = points };
    }
}
