using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

public sealed class CurveJudgeStateTests
{
    private readonly CurveJudge _judge = new();

    [Fact]
    public void AFlatCurveAtALowLossIsConvergedAndGreen()
    {
        var curve = CurveMaker.Make(80, u => Shapes.Loss(u, 0.1, 0.08), u => Shapes.Loss(u, 0.13, 0.08), u => Shapes.Accuracy(u, 0.9, 0.08), noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Converged, judgement.State);
        Assert.Equal(TrafficLight.Green, judgement.Light);
        Assert.False(judgement.TooEarly);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.Plateau);
    }

    [Fact]
    public void AConvergedRunWithIterationsLeftIsAdvisedToStop()
    {
        var curve = CurveMaker.Make(80, u => Shapes.Loss(u, 0.1, 0.08), u => Shapes.Loss(u, 0.13, 0.08), u => Shapes.Accuracy(u, 0.9, 0.08), noise: 0.01, maxIteration: 3000);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Converged, judgement.State);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.StopNow);
    }

    [Fact]
    public void ACurveStillRisingWhenCutIsImprovingAndAdvisedToTrainLonger()
    {
        var curve = CurveMaker.Make(60, u => Shapes.Loss(u, 0.1, 0.8), u => Shapes.Loss(u, 0.13, 0.8), u => Shapes.Accuracy(u, 0.9, 0.8), noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Improving, judgement.State);
        Assert.Equal(TrafficLight.Green, judgement.Light);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.TrainLonger && a.Action == "max_iter *= 2");
    }

    [Fact]
    public void ANonFiniteLossIsDivergingRedWithATenfoldLowerLearningRate()
    {
        var curve = CurveMaker.Make(30, u => u > 0.6 ? double.NaN : Shapes.Loss(u, 0.2, 0.2), noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Diverging, judgement.State);
        Assert.Equal(TrafficLight.Red, judgement.Light);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.LowerLearningRate && a.Action == "base_lr *= 0.1");
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.StopNow);
    }

    [Fact]
    public void ALossThatExplodesAfterLearningIsDiverging()
    {
        var curve = CurveMaker.Make(50, u => u < 0.5 ? Shapes.Loss(u, 0.2, 0.1) : Shapes.Loss(0.5, 0.2, 0.1) * Math.Exp(6 * (u - 0.5)), noise: 0.02);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Diverging, judgement.State);
        Assert.True(judgement.Evidence["train_loss_rise"] > 2.0);
    }

    [Fact]
    public void ValidationLossRisingWhileTrainingLossFallsIsOverFitting()
    {
        var curve = CurveMaker.Make(
            70,
            u => Shapes.Loss(u, 0.01, 0.1),
            u => Shapes.Loss(u, 0.2, 0.1) + (Math.Max(0, u - 0.3) * 0.8),
            u => Shapes.Accuracy(u, 0.8, 0.1) - (Math.Max(0, u - 0.3) * 0.03),
            noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.OverFitting, judgement.State);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.MoreRegularisation && a.Action == "weight_decay *= 10");
        Assert.InRange(judgement.Evidence["val_loss_min_iteration"], 150, 350);
    }

    [Fact]
    public void APlateauAtAHighLossIsUnderFittingWithMoreCapacityAdvice()
    {
        var curve = CurveMaker.Make(80, u => Shapes.Loss(u, 0.65, 0.08), u => Shapes.Loss(u, 0.66, 0.08), u => Shapes.Accuracy(u, 0.35, 0.08), noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.UnderFitting, judgement.State);
        Assert.Equal(TrafficLight.Yellow, judgement.Light);
        Assert.Contains(judgement.Advice, a => a.Kind == AdviceKind.MoreCapacity);
    }

    [Fact]
    public void OnlyATrainLossIsEnoughToJudge()
    {
        var curve = CurveMaker.Make(60, u => Shapes.Loss(u, 0.05, 0.08), noise: 0.01);
        var judgement = _judge.Judge(curve);
        Assert.Equal(CurveState.Converged, judgement.State);
        Assert.Equal("train_loss", judgement.Extrapolation?.Series);
    }

    [Fact]
    public void ThreePointsGiveAYellowTooEarlyAnswerWithLowConfidence()
    {
        var curve = CurveMaker.Make(3, u => Shapes.Loss(u, 0.1, 0.5), u => Shapes.Loss(u, 0.12, 0.5), u => Shapes.Accuracy(u, 0.9, 0.5), maxIteration: 1000);
        var judgement = _judge.Judge(curve);
        Assert.True(judgement.TooEarly);
        Assert.Equal(CurveState.Improving, judgement.State);
        Assert.Equal(TrafficLight.Yellow, judgement.Light);
        Assert.True(judgement.Confidence <= 0.3);
        Assert.NotNull(judgement.Extrapolation);
        Assert.Equal(AdviceKind.TooEarly, judgement.Advice[0].Kind);
    }

    [Fact]
    public void AnEmptyCurveIsTooEarlyRatherThanAnError()
    {
        var judgement = _judge.Judge(new LearningCurve([], 100));
        Assert.True(judgement.TooEarly);
        Assert.Null(judgement.Extrapolation);
    }
}
