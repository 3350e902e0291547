using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;
using Transfer.Search.Schedulers;
using Transfer.Search.Trials;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// How the study combines ASHA's rungs (1 and 4 of 6 epochs here) with the judge: the first rung cuts on its own, the last
/// one leaves the decision to the judge, so one dip at the last rung does not end a trial whose curve may still reach the best.
/// </summary>
public sealed class StudyEngineRungTests
{
    private const int MaxEpochs = 6;
    private static readonly SearchSpaceDefinition Space = JobPlanner.DefaultSpace(image: true, backboneBlocks: 2, maxEpochs: MaxEpochs);

    [Fact]
    public void ADipAtTheLastRungDoesNotStopATrialTheJudgeSeesReachingTheBest()
    {
        var engine = new StudyEngine(State());
        RunToEnd(engine, 0.38);
        RunToEnd(engine, 0.40);

        var trial = engine.NewTrial();
        trial.Status = TrialStatus.Running;
        foreach (var epoch in Epochs().TakeWhile(e => e < 4))
        {
            Assert.False(engine.Report(trial, Sample(epoch, Accuracy(epoch, 0.42)), classes: 3).Stop);
        }

        var dip = Sample(4, 0.80);
        var verdict = engine.Report(trial, dip, classes: 3);

        // ASHA alone cuts it (0.80 against 0.87 and 0.89 at epoch 4); the judge's forecast from the whole curve keeps it.
        Assert.Equal(SchedulerDecision.Stop, new AshaScheduler(1, MaxEpochs, 4).Report(engine.History(), trial.Number, new IntermediateReport(4, 0.80)));
        Assert.False(verdict.Stop, verdict.Reason);
        Assert.False(engine.Report(trial, Sample(4.25, Accuracy(4.25, 0.42)), classes: 3).Stop);
    }

    [Fact]
    public void TheSameDipAtTheFirstRungIsCut()
    {
        var engine = new StudyEngine(State());
        RunToEnd(engine, 0.38);
        RunToEnd(engine, 0.40);

        var trial = engine.NewTrial();
        trial.Status = TrialStatus.Running;
        foreach (var epoch in Epochs().TakeWhile(e => e < 1))
        {
            Assert.False(engine.Report(trial, Sample(epoch, Accuracy(epoch, 0.42)), classes: 3).Stop);
        }

        var verdict = engine.Report(trial, Sample(1, 0.60), classes: 3);
        Assert.True(verdict.Stop);
        Assert.Contains("pruned by asha at epoch 1", verdict.Reason, StringComparison.Ordinal);
    }

    private static void RunToEnd(StudyEngine engine, double gain)
    {
        var trial = engine.NewTrial();
        trial.Status = TrialStatus.Running;
        foreach (var epoch in Epochs())
        {
            Assert.False(engine.Report(trial, Sample(epoch, Accuracy(epoch, gain)), classes: 3).Stop);
        }

        var final = Accuracy(MaxEpochs, gain);
        engine.Finish(trial, new TrialResult(TrialStatus.Completed, final, 0.3, final, null, null, Step(MaxEpochs)), DateTimeOffset.UnixEpoch);
    }

    private static IEnumerable<double> Epochs() => Enumerable.Range(1, 4 * MaxEpochs).Select(k => k / 4.0);

    // A saturating fine-tuning curve with a little deterministic jitter (a validation set of a few hundred examples).
    private static double Accuracy(double epoch, double gain) => 0.5 + (gain * (1 - Math.Exp(-epoch))) + (0.004 * Math.Sin(7 * epoch));

    private static int Step(double epoch) => (int)Math.Round(epoch * 40);

    private static CurveSample Sample(double epoch, double accuracy) =>
        new(epoch, Step(epoch), 1.1 - (0.8 * (1 - Math.Exp(-epoch))), 1.0 - (0.6 * accuracy), accuracy, 0.01);

    private static StudyState State() => new()
    {
        Request = new CreateJobRequest("d", Seed: 1, MaxEpochs: MaxEpochs, UseKnowledgeBase: false),
        Plan = new StudyPlan(Space, ModelFamilies.SmallCnn(InputSpec.Image(1, 28, 28), 3), null, null, JobPlanner.Baseline(Space, 2)),
        TrialBudget = 20,
    };
}
