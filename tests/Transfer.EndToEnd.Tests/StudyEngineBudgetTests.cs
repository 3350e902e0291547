using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>The study's budget: trials, wall time and device time, whichever is spent first, stop new trials.</summary>
public sealed class StudyEngineBudgetTests
{
    private static readonly SearchSpaceDefinition Space = JobPlanner.DefaultSpace(image: true, backboneBlocks: 2, maxEpochs: 2);
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void DeviceTimeIsEachAttemptFromItsHandOutToItsEndSummedOverTheTrials()
    {
        var state = State(deviceSeconds: 100);
        var engine = new StudyEngine(state);
        var (a, b) = (Start(engine, T0), Start(engine, T0.AddSeconds(10)));

        Assert.Equal(20 + 10, engine.DeviceSecondsUsed(T0.AddSeconds(20)), 9); // both running
        engine.Finish(a, Completed(), T0.AddSeconds(40));
        a.EndAttempt(T0.AddSeconds(90)); // a finished attempt no longer counts
        Assert.Equal(40 + 50, engine.DeviceSecondsUsed(T0.AddSeconds(60)), 9);
        Assert.True(engine.HasBudget(T0.AddSeconds(60)));

        // b's worker died: its first attempt counts up to the re-run, the re-run from then on.
        b.EndAttempt(T0.AddSeconds(65));
        b.AttemptStartedAt = T0.AddSeconds(65);
        Assert.Equal(40 + 55 + 5, engine.DeviceSecondsUsed(T0.AddSeconds(70)), 9);
        Assert.False(engine.HasBudget(T0.AddSeconds(70)));
    }

    [Fact]
    public void EachLimitStopsNewTrialsOnItsOwn()
    {
        var trials = new StudyEngine(State(trials: 1));
        Start(trials, T0);
        Assert.False(trials.HasBudget(T0));

        var wall = State();
        wall.Deadline = T0.AddSeconds(30);
        Assert.True(new StudyEngine(wall).HasBudget(T0.AddSeconds(29)));
        Assert.False(new StudyEngine(wall).HasBudget(T0.AddSeconds(30)));

        var device = new StudyEngine(State(deviceSeconds: 10));
        Start(device, T0);
        Assert.True(device.HasBudget(T0.AddSeconds(9)));
        Assert.False(device.HasBudget(T0.AddSeconds(10)));
        Assert.True(new StudyEngine(State()).HasBudget(T0.AddYears(1)));
    }

    private static TrialEntry Start(StudyEngine engine, DateTimeOffset at)
    {
        var trial = engine.NewTrial();
        (trial.Status, trial.AttemptStartedAt) = (TrialStatus.Running, at);
        return trial;
    }

    private static TrialResult Completed() => new(TrialStatus.Completed, 0.9, 0.3, 0.9, null, null, 10);

    private static StudyState State(int trials = 20, double? deviceSeconds = null)
    {
        var state = new StudyState
        {
            Request = new CreateJobRequest("d", Seed: 1, MaxEpochs: 2, UseKnowledgeBase: false),
            Plan = new StudyPlan(Space, ModelFamilies.SmallCnn(InputSpec.Image(1, 28, 28), 3), null, null, JobPlanner.Baseline(Space, 2)),
            TrialBudget = trials,
            DeviceSecondsBudget = deviceSeconds,
        };
        return state;
    }
}
