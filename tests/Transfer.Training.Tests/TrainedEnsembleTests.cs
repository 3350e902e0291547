using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Modules;

namespace Transfer.Training.Tests;

/// <summary>The contract of <see cref="TrainedEnsemble"/>: a k-fold trial's fold models, averaged, on real seed tables.</summary>
public sealed class TrainedEnsembleTests
{
    [Fact]
    public async Task AnEnsembleAveragesItsMembersAndRoundTripsWhileSingleModelReadersGetItsFirstMember()
    {
        var table = await SeedData.TableAsync("wine");
        var (members, folds) = await TrainFoldsAsync(table, 3);
        using var ensemble = new TrainedEnsemble(members);
        using var saved = new MemoryStream();
        await ensemble.SaveAsync(saved);

        saved.Position = 0;
        using var loaded = await TrainedEnsemble.LoadAsync(saved, TrainingKit.Cpu);
        saved.Position = 0;
        using var first = await TrainedModel.LoadAsync(saved, TrainingKit.Cpu);

        Assert.Equal(3, loaded.Members.Count);
        Assert.Equal(members[0].Classes, loaded.Classes);
        var probabilities = loaded.Predict(table);
        var each = members.Select(m => m.Predict(table)).ToArray();
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < loaded.Classes.Count; c++)
            {
                Assert.Equal(each.Average(p => p[r][c]), probabilities[r][c], 5);
            }
        }

        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 3));
        Assert.Equal(each[0], first.Predict(table));

        // The test split, given to each member with that member's own preprocessing: the same numbers as whole-table rows.
        var test = loaded.Predict([.. folds.Select(f => f.Test)]);
        Assert.Equal(folds[0].Test.Count, test.Length);
        var accuracy = TrainedEnsemble.Accuracy(test, folds[0].Test);
        Assert.InRange(accuracy!.Value, 0.8, 1.0); // wine is easy; three averaged MLPs learn it
    }

    [Fact]
    public async Task ASingleModelFileIsAOneMemberEnsembleAndBadInputIsRefused()
    {
        var table = await SeedData.TableAsync("iris");
        var (members, _) = await TrainFoldsAsync(table, 2);
        using var single = new MemoryStream();
        await members[0].SaveAsync(single);
        single.Position = 0;

        using var loaded = await TrainedEnsemble.LoadAsync(single, TrainingKit.Cpu);
        Assert.Single(loaded.Members);
        Assert.Equal(members[0].Predict(table), loaded.Predict(table));

        var garbage = new MemoryStream();
        await members[1].SaveAsync(garbage);
        garbage.Write("not a member"u8);
        garbage.Position = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() => TrainedEnsemble.LoadAsync(garbage, TrainingKit.Cpu));
        Assert.Throws<ArgumentException>(() => new TrainedEnsemble([]));
        var other = new TrainedModel(members[1].Module, members[1].Preprocessing with { Classes = ["a", "b", "c"] }, 1); // a wrapper: members[1] owns the network
        Assert.Throws<ArgumentException>(() => new TrainedEnsemble([members[0], other], ownsMembers: false));
        members.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ComposedTrialEnsemblesWeighTheirMembersAndRoundTrip()
    {
        // Two "trials": one a two-fold ensemble, one a single model; composed 3 : 1, the two folds share the first's 3/4.
        var table = await SeedData.TableAsync("wine");
        var (members, _) = await TrainFoldsAsync(table, 3);
        using var trialA = new MemoryStream();
        await new TrainedEnsemble([members[0], members[1]], ownsMembers: false).SaveAsync(trialA);
        using var trialB = new MemoryStream();
        await members[2].SaveAsync(trialB);
        trialA.Position = trialB.Position = 0;

        using var composed = new MemoryStream();
        await TrainedEnsemble.ComposeAsync([(trialA, 3.0), (trialB, 1.0)], composed);
        composed.Position = 0;
        using var loaded = await TrainedEnsemble.LoadAsync(composed, TrainingKit.Cpu);

        Assert.Equal([0.375, 0.375, 0.25], loaded.Weights.Select(w => Math.Round(w, 9)));
        var each = members.Select(m => m.Predict(table)).ToArray();
        var probabilities = loaded.Predict(table);
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < loaded.Classes.Count; c++)
            {
                Assert.Equal((0.375 * each[0][r][c]) + (0.375 * each[1][r][c]) + (0.25 * each[2][r][c]), probabilities[r][c], 5);
            }
        }

        // Saved again, the weights stay; a single-model reader still gets the first part's first member.
        using var again = new MemoryStream();
        await loaded.SaveAsync(again);
        again.Position = 0;
        using var reloaded = await TrainedEnsemble.LoadAsync(again, TrainingKit.Cpu);
        Assert.Equal(loaded.Weights, reloaded.Weights);
        again.Position = 0;
        using var first = await TrainedModel.LoadAsync(again, TrainingKit.Cpu);
        Assert.Equal(each[0], first.Predict(table));

        // A part that is not a model, and weights that are not positive, are refused.
        using var notAModel = new MemoryStream("not a model"u8.ToArray());
        trialB.Position = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() => TrainedEnsemble.ComposeAsync([(trialB, 1.0), (notAModel, 1.0)], new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentException>(() => TrainedEnsemble.ComposeAsync([(trialB, 0.0)], new MemoryStream()));
        Assert.Throws<ArgumentException>(() => new TrainedEnsemble([members[0], members[1]], ownsMembers: false, weights: [1.0]));
        members.ForEach(m => m.Dispose());
    }

    private static async Task<(List<TrainedModel> Members, List<PreparedData> Folds)> TrainFoldsAsync(TabularData table, int k)
    {
        var members = new List<TrainedModel>();
        var folds = new List<PreparedData>();
        foreach (var (split, i) in StratifiedSplitter.HoldOutKFold(table.Labels, k, 0.2, seed: 5).Select((s, i) => (s, i)))
        {
            var data = PreparedData.FromTable(table, split);
            var module = SpecModule.Create(ModelFamilies.Mlp(table.Columns, table.Classes.Count, [16]), seed: i, TrainingKit.Cpu);
            await TrainingKit.RunAsync(module, new SolverConfig(BaseLr: 0.05, Optimizer: OptimizerKind.Adam, BatchSize: 16, Epochs: 30, TestInterval: 1000), data.Train, data.Validation, seed: i);
            members.Add(new TrainedModel(module, data.Preprocessing, i));
            folds.Add(data);
        }

        return (members, folds);
    }
}
