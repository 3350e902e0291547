using Transfer.Search.Samplers;

namespace Transfer.Search.Tests.Samplers;

public sealed class PriorPlacementTests
{
    [Fact]
    public void WithoutCompletedTrialsOnlyTheOrderCounts()
    {
        Assert.Equal(0, PriorPlacement.Loss(1, []), 12);
        Assert.Equal(0.75, PriorPlacement.Loss(0.25, []), 12);
    }

    [Fact]
    public void APriorLandsJustBehindTheTrialAtItsQuantileOfTheStudysOwnLosses()
    {
        double[] own = [-0.96, -0.95, -0.90]; // ascending losses: accuracy 0.96 is the study's best

        var best = PriorPlacement.Loss(1, own);
        var median = PriorPlacement.Loss(0.5, own);
        var worst = PriorPlacement.Loss(0, own);
        var quarter = PriorPlacement.Loss(0.75, own);

        Assert.InRange(best, -0.96 + 1e-12, -0.96 + 1e-6); // behind the study's best, ahead of its second
        Assert.InRange(median, -0.95 + 1e-12, -0.95 + 1e-6);
        Assert.InRange(worst, -0.90 + 1e-12, -0.90 + 1e-6);
        Assert.Equal(-0.955, quarter, 6); // interpolated between the best and the median trial
        Assert.True(PriorPlacement.Loss(0.9, own) > best && PriorPlacement.Loss(0.9, own) < quarter);
    }

    [Fact]
    public void TiedPriorsKeepTheirOrderBehindASingleTrial()
    {
        double[] own = [5.0];

        var a = PriorPlacement.Loss(1, own);
        var b = PriorPlacement.Loss(0.6, own);

        Assert.True(a > 5.0 && b > a && b < 5.0 + 1e-6, $"{a} {b}");
    }
}
