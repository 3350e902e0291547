using System.Text.Json;
using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;

namespace Transfer.Training.Tests;

public sealed class SplitAndSpecTests
{
    [Fact]
    public async Task StratifiedSplitKeepsClassShareIsDisjointAndRepeatsUnderItsSeed()
    {
        var glass = await SeedData.TableAsync("weka-glass");
        var a = StratifiedSplitter.Split(glass.Labels, 0.2, 0.2, seed: 1);
        var b = StratifiedSplitter.Split(glass.Labels, 0.2, 0.2, seed: 1);
        var c = StratifiedSplitter.Split(glass.Labels, 0.2, 0.2, seed: 2);

        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Train, c.Train);
        Assert.Equal(Enumerable.Range(0, glass.Rows), a.Train.Concat(a.Validation).Concat(a.Test).Order());
        foreach (var cls in glass.Labels.Distinct())
        {
            var n = glass.Labels.Count(l => l == cls);
            Assert.Equal((int)Math.Round(n * 0.2), a.Validation.Count(i => glass.Labels[i] == cls));
            Assert.Contains(a.Train, i => glass.Labels[i] == cls);
        }
    }

    [Fact]
    public async Task KFoldPutsEveryExampleInExactlyOneValidationFold()
    {
        var wine = await SeedData.TableAsync("wine");
        var folds = StratifiedSplitter.RepeatedKFold(wine.Labels, folds: 5, repeats: 2, seed: 3);

        Assert.Equal(10, folds.Count);
        foreach (var repeat in folds.Chunk(5))
        {
            Assert.Equal(Enumerable.Range(0, wine.Rows), repeat.SelectMany(f => f.Validation).Order());
            Assert.All(repeat, f => Assert.Empty(f.Train.Intersect(f.Validation)));
            Assert.All(repeat, f => Assert.InRange(f.Validation.Count(i => wine.Labels[i] == 0), 11, 12));
        }

        Assert.NotEqual(folds[0].Validation, folds[5].Validation);
    }

    [Fact]
    public async Task NormalisationUsesTheTrainSplitOnly()
    {
        var images = await SeedData.ImagesAsync("fmnist-tops-a");
        var split = StratifiedSplitter.Split(images.Labels, 0.3, 0, seed: 1);
        var before = NormalizationStats.ForImages(images, split.Train);
        var altered = images with { Pixels = (byte[])images.Pixels.Clone() };
        foreach (var i in split.Validation)
        {
            altered.Pixels.AsSpan(i * images.ImageSize, images.ImageSize).Fill(255);
        }

        var prepared = PreparedData.FromImages(altered, split);
        Assert.Equal(before.Mean, prepared.Preprocessing.Normalization.Mean);
        Assert.Equal(before.Std, prepared.Preprocessing.Normalization.Std);
        Assert.NotEqual(before.Mean, NormalizationStats.ForImages(altered, [.. Enumerable.Range(0, images.Count)]).Mean);
    }

    [Fact]
    public void SeedNotationParsesIntoLayersAndFormatsBack()
    {
        var layers = LayerNotation.Parse("C(3,32)+C(3,32)+P(3,3)+C(3,64)+BN+P(3,3)+FC(64)+D(0.5)+FC(32)", implicitActivation: "ReLU");

        Assert.Equal("C(3,32)+ReLU+C(3,32)+ReLU+P(3,3)+C(3,64)+ReLU+BN+P(3,3)+FC(64)+ReLU+D(0.5)+FC(32)+ReLU", LayerNotation.Format(layers));
        Assert.Equal(layers, LayerNotation.Parse(LayerNotation.Format(layers)));
        Assert.Throws<FormatException>(() => LayerNotation.Parse("C(3)+Q(1)"));
    }

    [Fact]
    public void SpecJsonAndSeedFullyDetermineTheModule()
    {
        var spec = new ModelSpec("cnn", InputSpec.Image(3, 32, 32), LayerNotation.Parse("C(5,6)+P(2,2)+C(3,12)+P(2,2)", "ReLU"),
            [LayerSpec.Fc(20) with { LrMult = 10, DecayMult = 0 }, LayerSpec.Relu()], Classes: 4, FrozenBlocks: 1);
        var json = JsonSerializer.Serialize(spec, TrainingJson.Options);
        var copy = JsonSerializer.Deserialize<ModelSpec>(json, TrainingJson.Options)!;

        using var a = SpecModule.Create(spec, seed: 5, TrainingKit.Cpu);
        using var b = SpecModule.Create(copy, seed: 5, TrainingKit.Cpu);
        Assert.Contains("\"kind\":\"Conv\"", json, StringComparison.Ordinal);
        Assert.Equal(spec.ToString(), copy.ToString());
        Assert.All(a.state_dict(), kv => Assert.True(kv.Value.equal(b.state_dict()[kv.Key]).all().item<bool>(), kv.Key));
        var groups = a.ParameterGroups();
        Assert.Equal(["backbone.1.0", "head.1", "output"], groups.Select(g => g.Layer));
        Assert.Equal(10, groups[1].LrMult);
        Assert.Equal(0, groups[1].DecayMult);
        using var x = TorchSharp.torch.zeros(2, 3, 32, 32);
        Assert.Equal([2L, 4L], a.call(x).shape);
    }

    [Theory]
    [InlineData(LrPolicy.Fixed, 100, 0.1)]
    [InlineData(LrPolicy.Step, 250, 0.001)]
    [InlineData(LrPolicy.MultiStep, 350, 0.001)]
    [InlineData(LrPolicy.Exp, 2, 0.001)]
    [InlineData(LrPolicy.Inv, 10, 0.1 * 0.125)]
    [InlineData(LrPolicy.Poly, 500, 0.1 * 0.25)]
    [InlineData(LrPolicy.Cosine, 500, 0.05)]
    public void LearningRatePoliciesFollowCaffesFormulas(LrPolicy policy, int iteration, double expected)
    {
        var solver = new SolverConfig(BaseLr: 0.1, LrPolicy: policy, StepSize: 100, Gamma: policy == LrPolicy.Inv ? 0.7 : 0.1,
            Power: policy == LrPolicy.Poly ? 2 : 1, StepValues: [100, 300]);

        Assert.Equal(expected, LearningRateSchedule.Rate(solver, iteration, totalSteps: 1000), 9);
    }
}
