using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Xunit.Abstractions;

namespace Transfer.Training.Tests;

public sealed class MlpTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MlpLearnsTheSegmentChallengeTable()
    {
        var table = await SeedData.TableAsync("weka-segment-challenge");
        var data = PreparedData.FromTable(table, new SplitConfig(ValidationFraction: 0.25, Seed: 11));
        var spec = ModelFamilies.Mlp(table.Columns, table.Classes.Count, [64, 32]);
        using var model = SpecModule.Create(spec, seed: 11, TrainingKit.Cpu);
        var solver = new SolverConfig(BaseLr: 0.01, Optimizer: OptimizerKind.Adam, BatchSize: 32, Epochs: 15, TestInterval: 100);

        var outcome = await TrainingKit.RunAsync(model, solver, data.Train, data.Validation, seed: 11);

        var first = outcome.Curve.First(r => r.Kind == ReportKind.Progress);
        output.WriteLine($"segment-challenge MLP: {outcome.Steps} steps, first point loss {first.TrainLoss:F3} val acc {first.Validation!.Accuracy:F3}; " +
                         $"final val loss {outcome.FinalValidation!.Loss:F3} acc {outcome.FinalValidation.Accuracy:F3} (chance {1.0 / table.Classes.Count:F3})");
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(11, outcome.Seed);
        Assert.True(outcome.FinalValidation.Accuracy > 0.9, $"validation accuracy {outcome.FinalValidation.Accuracy}");
        Assert.True(outcome.Curve.Last(r => r.Kind == ReportKind.Progress).TrainLoss < first.TrainLoss / 3);
        Assert.Equal(table.Classes.Count, outcome.FinalValidation.PerClassAccuracy.Count);
    }
}
