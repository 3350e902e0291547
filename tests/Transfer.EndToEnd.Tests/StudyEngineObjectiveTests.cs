using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>The objective's direction follows its metric: accuracy is maximised, loss minimised.</summary>
public sealed class StudyEngineObjectiveTests
{
    private static readonly SearchSpaceDefinition Space = JobPlanner.DefaultSpace(image: true, backboneBlocks: 2, maxEpochs: 2);

    [Theory]
    [InlineData(JobObjective.Accuracy, null, true)]
    [InlineData(JobObjective.Accuracy, true, true)]
    [InlineData(JobObjective.Loss, null, false)]
    [InlineData(JobObjective.Loss, false, false)]
    public void TheDirectionIsTheMetricsOwnUnlessGiven(string metric, bool? maximize, bool maximizes) =>
        Assert.Equal(maximizes, new JobObjective(metric, maximize).Maximizes);

    [Theory]
    [InlineData(JobObjective.Accuracy, 1)] // accuracy 0.9 beats 0.8
    [InlineData(JobObjective.Loss, 0)] // loss 0.2 beats 0.4
    public void TheBestTrialIsTheOneTheMetricRanksFirst(string metric, int best)
    {
        var engine = new StudyEngine(new StudyState
        {
            Request = new CreateJobRequest("d", Objective: new JobObjective(metric), Seed: 1, MaxEpochs: 2, UseKnowledgeBase: false),
            Plan = new StudyPlan(Space, ModelFamilies.SmallCnn(InputSpec.Image(1, 28, 28), 3), null, null, JobPlanner.Baseline(Space, 2)),
            TrialBudget = 4,
        });

        foreach (var (accuracy, loss) in new[] { (0.8, 0.2), (0.9, 0.4) })
        {
            var trial = engine.NewTrial();
            trial.Status = TrialStatus.Running;
            engine.Finish(trial, new TrialResult(TrialStatus.Completed, accuracy, loss, null, null, null, 10), DateTimeOffset.UnixEpoch);
        }

        Assert.Equal(best, engine.Best()!.Number);
    }
}
