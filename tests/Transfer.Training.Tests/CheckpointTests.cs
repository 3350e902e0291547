using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;
using TorchSharp;

namespace Transfer.Training.Tests;

public sealed class CheckpointTests
{
    [Theory]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.Adam)]
    public async Task ResumingFromACheckpointEndsWithTheUninterruptedRunsWeights(OptimizerKind optimizer)
    {
        var images = await SeedData.ImagesAsync("fmnist-sandal-bag");
        var split = StratifiedSplitter.Split(images.Labels, 0.2, 0, seed: 4);
        var data = PreparedData.FromImages(images, split with { Train = split.Train[..200] }, new AugmentationConfig(FlipHorizontal: true, CropPadding: 2, NoiseStd: 0.1));
        var spec = ModelFamilies.SmallCnn(data.Preprocessing.Input, 2, width: 8, hidden: 32, dropout: 0.3, batchNorm: true);
        var solver = new SolverConfig(BaseLr: 0.01, LrPolicy: LrPolicy.Step, StepSize: 7, Gamma: 0.5, Optimizer: optimizer, WeightDecay: 1e-4, BatchSize: 32, MaxIter: 24, TestInterval: 8);

        using var straight = SpecModule.Create(spec, seed: 9, TrainingKit.Cpu);
        await TrainingKit.RunAsync(straight, solver, data.Train, data.Validation, seed: 9);

        using var checkpoint = new MemoryStream();
        using (var first = SpecModule.Create(spec, seed: 9, TrainingKit.Cpu))
        using (var trainer = new Trainer(first, solver, data.Train, data.Validation, new TrainerOptions(Seed: 9)))
        {
            // The trainer writes the checkpoint between steps, so the consumer must keep reading: await it afterwards.
            Task? written = null;
            await foreach (var report in trainer.RunAsync())
            {
                if (report.Kind == ReportKind.Progress && report.Step == 8)
                {
                    written = trainer.Control.CheckpointAsync(checkpoint);
                    trainer.Control.Stop();
                }
            }

            await written!;
            Assert.Equal(8, trainer.Outcome!.Steps);
        }

        checkpoint.Position = 0;
        using var resumed = SpecModule.Create(spec, seed: 1234, TrainingKit.Cpu);
        using (var trainer = new Trainer(resumed, solver, data.Train, data.Validation, new TrainerOptions(Seed: 9)))
        {
            await trainer.RestoreCheckpointAsync(checkpoint);
            Assert.Equal(8, trainer.Step);
            await foreach (var _ in trainer.RunAsync())
            {
            }

            Assert.Equal(TrainingStatus.Completed, trainer.Outcome!.Status);
            Assert.Equal(24, trainer.Outcome.Steps);
            Assert.Equal(3, trainer.Outcome.Curve.Count(r => r.Kind == ReportKind.Progress));
        }

        var expected = straight.state_dict();
        var actual = resumed.state_dict();
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, kv => Assert.True(kv.Value.equal(actual[kv.Key]).all().item<bool>(), $"{kv.Key} differs"));
        Assert.False(expected["backbone.0.0.weight"].equal(SpecModule.Create(spec, seed: 9, TrainingKit.Cpu).state_dict()["backbone.0.0.weight"]).all().item<bool>());
    }
}
