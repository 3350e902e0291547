using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Modules;
using Xunit.Abstractions;

namespace Transfer.Training.Tests;

public sealed class InferenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ModelTrainedOnIdxSavedAndLoadedClassifiesTheSameClassesFromAPngZip()
    {
        var idx = await SeedData.ImagesAsync("fmnist-sandal-bag");
        var data = PreparedData.FromImages(idx, new SplitConfig(ValidationFraction: 0.1, Seed: 8));
        var spec = ModelFamilies.SmallCnn(data.Preprocessing.Input, idx.Classes.Count, width: 8, hidden: 32);
        using var module = SpecModule.Create(spec, seed: 8, TrainingKit.Cpu);
        await TrainingKit.RunAsync(module, new SolverConfig(BaseLr: 0.02, BatchSize: 32, Epochs: 2, TestInterval: 1000), data.Train, data.Validation, seed: 8);
        using var trained = new TrainedModel(module, data.Preprocessing, 8);
        using var saved = new MemoryStream();
        await trained.SaveAsync(saved);
        saved.Position = 0;

        using var loaded = await TrainedModel.LoadAsync(saved, TrainingKit.Cpu);
        var zip = await SeedData.ImagesAsync("fmnist-bags-zip"); // folders 'bag' and 'sandal': names match ignoring case
        var probabilities = loaded.Predict(zip);

        Assert.Equal(trained.Predict(zip), probabilities);
        Assert.Equal(8, loaded.Seed);
        Assert.Equal(["Sandal", "Bag"], loaded.Classes);
        var correct = Enumerable.Range(0, zip.Count).Count(i => string.Equals(loaded.Classes[ArgMax(probabilities[i])], zip.Classes[zip.Labels[i]], StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"sandal/bag model on the PNG zip: {correct}/{zip.Count} correct");
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 3));
        Assert.True(correct >= 0.85 * zip.Count, $"{correct}/{zip.Count}");
    }

    [Fact]
    public async Task TableModelAlignsColumnsByNameWhenPredicting()
    {
        var table = await SeedData.TableAsync("iris");
        var data = PreparedData.FromTable(table, new SplitConfig(Seed: 3));
        using var module = SpecModule.Create(ModelFamilies.Mlp(table.Columns, 3, [16]), seed: 3, TrainingKit.Cpu);
        await TrainingKit.RunAsync(module, new SolverConfig(BaseLr: 0.05, Optimizer: OptimizerKind.Adam, Momentum: 0.9, BatchSize: 16, Epochs: 40, TestInterval: 1000), data.Train, data.Validation, seed: 3);
        using var model = new TrainedModel(module, data.Preprocessing, 3);

        // The same rows with the columns in reverse order: prediction must match column names, not positions.
        var order = Enumerable.Range(0, table.Columns).Reverse().ToArray();
        var features = new float[table.Features.Length];
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                features[(r * table.Columns) + c] = table.Features[(r * table.Columns) + order[c]];
            }
        }

        var reversed = table with { Features = features, ColumnNames = order.Select(c => table.ColumnNames[c]).ToList() };
        var direct = model.Predict(table);
        Assert.Equal(direct, model.Predict(reversed));
        var accuracy = Enumerable.Range(0, table.Rows).Count(i => ArgMax(direct[i]) == table.Labels[i]) / (double)table.Rows;
        output.WriteLine($"iris MLP accuracy on all rows: {accuracy:F3}");
        Assert.True(accuracy > 0.9);
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());
}
