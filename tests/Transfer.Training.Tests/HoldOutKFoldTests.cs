using Transfer.Training.Data;

namespace Transfer.Training.Tests;

/// <summary>The contract of <see cref="StratifiedSplitter.HoldOutKFold"/>, on real seed tables.</summary>
public sealed class HoldOutKFoldTests
{
    [Theory]
    [InlineData("weka-glass", 5, 1)]
    [InlineData("wine", 3, 2)]
    [InlineData("iris", 10, 3)]
    public async Task FoldsAreDisjointAndCoverEveryNonTestExampleOnce(string seed, int folds, int splitSeed)
    {
        var labels = (await SeedData.TableAsync(seed)).Labels;
        var splits = StratifiedSplitter.HoldOutKFold(labels, folds, 0.2, splitSeed);

        Assert.Equal(folds, splits.Count);
        var test = splits[0].Test;
        var nonTest = Enumerable.Range(0, labels.Length).Except(test).ToArray();
        Assert.Equal(nonTest, splits.SelectMany(s => s.Validation).Order());
        foreach (var split in splits)
        {
            Assert.Equal(test, split.Test);
            Assert.Empty(split.Train.Intersect(split.Validation));
            Assert.Equal(nonTest, split.Train.Concat(split.Validation).Order());
        }
    }

    [Fact]
    public async Task TheTestSplitIsInNoFoldAndIsTheHoldoutSplitsTestSplit()
    {
        var labels = (await SeedData.TableAsync("weka-diabetes")).Labels;
        var splits = StratifiedSplitter.HoldOutKFold(labels, 5, 0.2, seed: 4);
        var holdout = StratifiedSplitter.Split(labels, 0.2, 0.2, seed: 4);

        Assert.Equal(holdout.Test, splits[0].Test);
        Assert.All(splits, s => Assert.Empty(s.Test.Intersect(s.Train.Concat(s.Validation))));
        Assert.InRange(splits[0].Test.Length, (int)(labels.Length * 0.19), (int)(labels.Length * 0.21) + 1);
    }

    [Fact]
    public async Task ARefitSplitTrainsOnEveryFoldAndKeepsTheSameTestSplit()
    {
        // A completed k-fold trial is refit on Split(labels, 0, test fraction, seed): every fold's examples, the same test.
        var labels = (await SeedData.TableAsync("weka-diabetes")).Labels;
        var splits = StratifiedSplitter.HoldOutKFold(labels, 5, 0.2, seed: 9);
        var refit = StratifiedSplitter.Split(labels, 0, 0.2, seed: 9);

        Assert.Equal(splits[0].Test, refit.Test);
        Assert.Empty(refit.Validation);
        Assert.Equal(splits.SelectMany(s => s.Validation).Order(), refit.Train.Order());
    }

    [Fact]
    public async Task EachFoldKeepsTheClassProportionsWithinOneExamplePerClass()
    {
        var labels = (await SeedData.TableAsync("weka-glass")).Labels;
        const int Folds = 5;
        var splits = StratifiedSplitter.HoldOutKFold(labels, Folds, 0.2, seed: 7);
        var nonTest = Enumerable.Range(0, labels.Length).Except(splits[0].Test).ToArray();

        foreach (var cls in labels.Distinct())
        {
            var share = nonTest.Count(i => labels[i] == cls) / (double)Folds;
            Assert.All(splits, s => Assert.InRange(s.Validation.Count(i => labels[i] == cls), Math.Floor(share), Math.Ceiling(share)));
        }
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameFoldsAndAnotherSeedOthers()
    {
        var labels = (await SeedData.TableAsync("wine")).Labels;
        var a = StratifiedSplitter.HoldOutKFold(labels, 5, 0.2, seed: 1);
        var b = StratifiedSplitter.HoldOutKFold(labels, 5, 0.2, seed: 1);
        var c = StratifiedSplitter.HoldOutKFold(labels, 5, 0.2, seed: 2);

        Assert.Equal(a.Select(s => s.Validation), b.Select(s => s.Validation));
        Assert.NotEqual(a[0].Validation, c[0].Validation);
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplitter.HoldOutKFold(labels, 1, 0.2, seed: 1));
    }
}
