using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Samplers;

public sealed class TpeLargeHistoryTests
{
    /// <summary>Past 256 observations TPE sums its bad-group density from kernel-smoothed bins; it must still steer well.</summary>
    [Fact]
    public void WithAThousandFinishedTrialsTpeStillProposesFarBetterPointsThanRandom()
    {
        var space = TestSpaces.Mixed();
        var random = new Random(77);
        var list = Enumerable.Range(0, 1000)
            .Select(n => space.Decode(space.SampleUniform(random)))
            .Select((c, n) => new TrialRecord(n, c, TrialState.Complete, TestSpaces.MixedObjective(c)))
            .ToList();
        var history = new TrialHistory(list);
        var tpe = new TpeSampler(space, 5);

        var proposed = new List<double>();
        for (var k = 0; k < 20; k++)
        {
            var config = tpe.Ask(history);
            proposed.Add(TestSpaces.MixedObjective(config));
            list.Add(new TrialRecord(list.Count, config, TrialState.Complete, proposed[^1]));
        }

        var typical = list.Take(1000).Select(t => t.Value!.Value).Order().ElementAt(100);
        Assert.True(proposed.Average() < typical, $"TPE mean {proposed.Average():F3} vs random 10th percentile {typical:F3}");
    }
}
