using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Modules;
using Xunit.Abstractions;

namespace Transfer.Training.Tests;

public sealed class FineTuningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CnnPretrainedOnClothingBeatsTheSameCnnFromScratchOnAFewShoes()
    {
        // Benchmark model: the small CNN trained on six clothing classes.
        var clothing = await SeedData.ImagesAsync("fmnist-clothing6");
        var pretrainData = PreparedData.FromImages(clothing, new SplitConfig(ValidationFraction: 0.1, Seed: 1));
        var benchmarkSpec = ModelFamilies.SmallCnn(pretrainData.Preprocessing.Input, clothing.Classes.Count, width: 16);
        using var benchmark = SpecModule.Create(benchmarkSpec, seed: 1, TrainingKit.Cpu);
        var pretrain = await TrainingKit.RunAsync(benchmark, new SolverConfig(BaseLr: 0.05, BatchSize: 64, Epochs: 2, TestInterval: 1000), pretrainData.Train, pretrainData.Validation, seed: 1);
        using var saved = new MemoryStream();
        await new TrainedModel(benchmark, pretrainData.Preprocessing, 1).SaveAsync(saved);

        // New upload: three footwear classes the benchmark never saw, 8 training images per class.
        var shoes = await SeedData.ImagesAsync("fmnist-shoes-a");
        var split = StratifiedSplitter.Split(shoes.Labels, validationFraction: 0.5, testFraction: 0, seed: 2);
        var few = split.Train.GroupBy(i => shoes.Labels[i]).SelectMany(g => g.Take(8)).Order().ToArray();
        var data = PreparedData.FromImages(shoes, split with { Train = few });
        var solver = new SolverConfig(BaseLr: 0.02, BatchSize: 24, MaxIter: 60, TestInterval: 60);
        var spec = benchmarkSpec with { Classes = shoes.Classes.Count, FrozenBlocks = 2 };

        saved.Position = 0;
        using var tuned = await FineTuning.CreateAsync(spec, seed: 3, saved, TrainingKit.Cpu);
        var fineTuned = await TrainingKit.RunAsync(tuned, solver, data.Train, data.Validation, seed: 3);
        using var fresh = await FineTuning.CreateAsync(spec with { FrozenBlocks = 0 }, seed: 3, benchmarkModel: null, TrainingKit.Cpu);
        var scratch = await TrainingKit.RunAsync(fresh, solver, data.Train, data.Validation, seed: 3);

        output.WriteLine($"pretrain on clothing6: val acc {pretrain.FinalValidation!.Accuracy:F3} after {pretrain.Steps} steps");
        output.WriteLine($"shoes-a, {few.Length} train / {data.Validation.Count} val: fine-tuned acc {fineTuned.FinalValidation!.Accuracy:F3} loss {fineTuned.FinalValidation.Loss:F3}; " +
                         $"scratch acc {scratch.FinalValidation!.Accuracy:F3} loss {scratch.FinalValidation.Loss:F3}");
        Assert.True(pretrain.FinalValidation.Accuracy > 0.7);
        Assert.True(fineTuned.FinalValidation.Accuracy > scratch.FinalValidation.Accuracy + 0.03,
            $"fine-tuned {fineTuned.FinalValidation.Accuracy} vs scratch {scratch.FinalValidation.Accuracy}");
    }
}
