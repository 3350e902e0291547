using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;

namespace Transfer.Training.Tests;

public sealed class LiveCommandTests
{
    [Fact]
    public async Task LearningRateChangePauseAndStopShowInTheCurve()
    {
        var table = await SeedData.TableAsync("wine");
        var data = PreparedData.FromTable(table, new SplitConfig(Seed: 5));
        using var model = SpecModule.Create(ModelFamilies.Mlp(table.Columns, table.Classes.Count, [16]), seed: 5, TrainingKit.Cpu);
        using var trainer = new Trainer(model, new SolverConfig(BaseLr: 0.05, BatchSize: 16, MaxIter: 1000, TestInterval: 10), data.Train, data.Validation, new TrainerOptions(Seed: 5));

        var progress = 0;
        await foreach (var report in trainer.RunAsync())
        {
            if (report.Kind != ReportKind.Progress)
            {
                continue;
            }

            progress++;
            if (progress == 2)
            {
                trainer.Control.SetLearningRate(0.005);
                trainer.Control.SetSolverValue("momentum", 0.5);
            }
            else if (progress == 3)
            {
                trainer.Control.Pause();
                trainer.Control.Resume();
            }
            else if (progress == 4)
            {
                trainer.Control.Stop();
            }
        }

        var curve = trainer.Outcome!.Curve;
        var change = Assert.Single(curve, r => r.EventName == "base_lr");
        Assert.Equal(20, change.Step);
        Assert.Equal(0.005, change.EventValue);
        Assert.Single(curve, r => r.EventName == "momentum" && r.EventValue == 0.5);
        Assert.All(curve.Where(r => r.Kind == ReportKind.Progress && r.Step > 20), r => Assert.Equal(0.005, r.LearningRate));
        Assert.All(curve.Where(r => r.Kind == ReportKind.Progress && r.Step <= 20), r => Assert.Equal(0.05, r.LearningRate));
        Assert.Equal(["pause", "resume", "stop"], curve.Where(r => r.EventName is "pause" or "resume" or "stop").Select(r => r.EventName!));
        Assert.Equal(40, Assert.Single(curve, r => r.EventName == "stop").Step);
        Assert.Equal(TrainingStatus.Stopped, trainer.Outcome.Status);
        Assert.Equal(ReportKind.Finished, curve[^1].Kind);
        Assert.Equal(40, trainer.Outcome.Steps);
        Assert.Equal(0.5, trainer.Solver.Momentum);
    }

    [Fact]
    public async Task NanLossEndsTheRunAsDivergedWithTheStep()
    {
        var table = await SeedData.TableAsync("wine");
        var data = PreparedData.FromTable(table, new SplitConfig(Seed: 6));
        using var model = SpecModule.Create(ModelFamilies.Mlp(table.Columns, table.Classes.Count, [32]), seed: 6, TrainingKit.Cpu);

        var outcome = await TrainingKit.RunAsync(model, new SolverConfig(BaseLr: 1e6, Momentum: 0.9, BatchSize: 16, MaxIter: 500, TestInterval: 50), data.Train, data.Validation, seed: 6);

        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.NotNull(outcome.DivergedAtStep);
        Assert.True(outcome.DivergedAtStep < 500);
        Assert.Equal(outcome.DivergedAtStep - 1, outcome.Steps);
        Assert.Equal(TrainingStatus.Diverged, outcome.Curve[^1].Status);
    }
}
