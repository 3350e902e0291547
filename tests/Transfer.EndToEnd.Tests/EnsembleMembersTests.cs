using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>Which folds a k-fold trial's fold ensemble averages (<see cref="TorchTrialExecutor.EnsembleMembers"/>).</summary>
public sealed class EnsembleMembersTests
{
    private static ValidationMetrics Fold(double accuracy, int examples = 144) => new(0.2, accuracy, [accuracy], examples);

    [Fact]
    public void FoldsWithinTwoStandardErrorsOfTheBestAreKeptBestFirst()
    {
        // 144 validation images at 0.95: one standard error is 1.8 points, so 0.92 stays and 0.90 goes.
        ValidationMetrics?[] folds = [Fold(0.93), Fold(0.95), Fold(0.90), Fold(0.92), Fold(0.94)];
        int[] byValidation = [1, 4, 0, 3, 2];

        Assert.Equal([1, 4, 0, 3], TorchTrialExecutor.EnsembleMembers(byValidation, folds));
    }

    [Fact]
    public void AFoldThatStayedAtChanceIsLeftOutAndAPerfectFoldKeepsOnlyItsPeers()
    {
        ValidationMetrics?[] chance = [Fold(0.96), Fold(0.5), Fold(0.95)];
        Assert.Equal([0, 2], TorchTrialExecutor.EnsembleMembers([0, 2, 1], chance));

        // A perfect fold still has a standard error (at least 1/n): equally perfect folds stay, a visibly worse one goes.
        ValidationMetrics?[] perfect = [Fold(1.0, 100), Fold(1.0, 100), Fold(0.9, 100)];
        Assert.Equal([0, 1], TorchTrialExecutor.EnsembleMembers([0, 1, 2], perfect));

        ValidationMetrics?[] unknown = [null, Fold(0.9)];
        Assert.Equal([0], TorchTrialExecutor.EnsembleMembers([0, 1], unknown));
    }
}
