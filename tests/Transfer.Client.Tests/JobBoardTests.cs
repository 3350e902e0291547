using Transfer.Cli.Output;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using static Transfer.Client.Tests.JobEvents;

namespace Transfer.Client.Tests;

public sealed class JobBoardTests
{
    [Fact]
    public void TheBoardFollowsEachTrialsEventsToItsRowTheBestAndTheBudget()
    {
        var red = new CurveJudgement(CurveState.Diverging, TrafficLight.Red, 0.9, false, new Dictionary<string, double>(), null,
            [new CurveAdvice(AdviceKind.KeepGoing, "Still improving."), new CurveAdvice(AdviceKind.LowerLearningRate, "Lower the learning rate 10x.", "base_lr *= 0.1")]);
        var board = new JobBoard(Job(JobStatus.Running, 0, 0, budget: 2));

        board.Apply(Event(1, JobEventKinds.TrialQueued, 0, status: TrialStatus.Queued));
        board.Apply(Event(2, JobEventKinds.TrialStarted, 0, status: TrialStatus.Running));
        board.Apply(Event(3, JobEventKinds.TrialReported, 0, new CurveSample(1, 6, 0.5, 0.4, 0.82, 0.001), status: TrialStatus.Running));
        board.Apply(Event(4, JobEventKinds.TrialFinished, 0, status: TrialStatus.Completed));
        board.Apply(Event(5, JobEventKinds.BestSoFar, 0, best: 0.82));
        board.Apply(Event(6, JobEventKinds.TrialQueued, 1, status: TrialStatus.Queued));
        board.Apply(Event(7, JobEventKinds.TrialReported, 1, new CurveSample(0.5, 3, 2.5, 2.9, 0.4, 0.1), red, status: TrialStatus.Running));
        board.Apply(Event(8, JobEventKinds.TrialStopping, 1, message: "stop", status: TrialStatus.Running));

        Assert.Equal([0, 1], board.Trials.Select(t => t.Number));
        Assert.Equal(new TrialRow(0, TrialStatus.Completed, 0.82, 1, null, null, false, null), board.Trials.First());
        var second = board.Trials.Last();
        Assert.Equal((TrialStatus.Running, 0.4, 0.5, TrafficLight.Red, true), (second.Status, second.Score, second.Epoch, second.Light, second.Stopping));
        Assert.Equal("base_lr *= 0.1: Lower the learning rate 10x.", second.Advice);
        Assert.Equal((0, 0.82, 1, 2), (board.BestTrial, board.BestScore, board.TrialsDone, board.Budget));
        Assert.False(board.Finished);

        board.Apply(Event(9, JobEventKinds.TrialFinished, 1, status: TrialStatus.Stopped));
        board.Apply(Event(10, JobEventKinds.JobFinished, 0, best: 0.82, message: "Completed: best trial 0"));

        Assert.True(board.Finished);
        Assert.Equal((2, 10L, "Completed: best trial 0"), (board.TrialsDone, board.LastEventId, board.Message));
    }

    [Fact]
    public void ALossObjectiveScoresTrialsByValidationLoss()
    {
        var job = Job(JobStatus.Running, 0, 0) with { Request = new CreateJobRequest("ds-1", new JobObjective("loss", Maximize: false)) };

        Assert.Equal(0.4, new JobBoard(job).Score(new CurveSample(1, 6, 0.5, 0.4, 0.82, 0.001)));
    }
}
