using Transfer.Contracts.Training;
using Transfer.Training.Inference;

namespace Transfer.Training.Tests;

/// <summary>Which folds a k-fold trial's fold ensemble averages (<see cref="TrainedEnsemble.FoldsToAverage"/>).</summary>
public sealed class FoldsToAverageTests
{
    private static ValidationMetrics Fold(double accuracy, int examples = 144) => new(0.2, accuracy, [accuracy], examples);

    [Fact]
    public void FoldsNotSignificantlyBelowTheBestAreKeptBestFirst()
    {
        // 144 validation images per fold: 0.95 against 0.90 is a gap of 5 points with a standard error of 3.1 (stays),
        // against 0.88 a gap of 7 with 3.3 (goes).
        ValidationMetrics?[] folds = [Fold(0.93), Fold(0.95), Fold(0.88), Fold(0.90), Fold(0.94)];
        int[] byValidation = [1, 4, 0, 3, 2];

        Assert.Equal([1, 4, 0, 3], TrainedEnsemble.FoldsToAverage(byValidation, folds));
    }

    [Fact]
    public void AFoldThatStayedAtChanceIsLeftOutAndAPerfectFoldKeepsOnlyItsPeers()
    {
        ValidationMetrics?[] chance = [Fold(0.96), Fold(0.5), Fold(0.95)];
        Assert.Equal([0, 2], TrainedEnsemble.FoldsToAverage([0, 2, 1], chance));

        // A perfect fold still has a standard error (at least 1/n): equally perfect folds stay, one 10 points worse goes.
        ValidationMetrics?[] perfect = [Fold(1.0, 100), Fold(1.0, 100), Fold(0.9, 100)];
        Assert.Equal([0, 1], TrainedEnsemble.FoldsToAverage([0, 1, 2], perfect));

        ValidationMetrics?[] unknown = [null, Fold(0.9)];
        Assert.Equal([0], TrainedEnsemble.FoldsToAverage([0, 1], unknown));
    }
}
