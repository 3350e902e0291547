using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;

namespace Transfer.Search.Tests.Samplers;

/// <summary>Prior observations from similar past studies steer model-based samplers toward good regions.</summary>
public sealed class WarmStartTests
{
    [Fact]
    public void TpeWithPriorsFromASimilarStudyFindsAGoodBraninPointSooner()
    {
        var f = BenchmarkFunctions.Branin;
        var cold = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s), 12);
        var warm = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s, Priors(f)), 12);
        Assert.True(warm < 0.5 * cold, $"warm {warm:F3} vs cold {cold:F3}");
    }

    [Fact]
    public void GpWithPriorsFromASimilarStudyFindsAGoodBraninPointSooner()
    {
        var f = BenchmarkFunctions.Branin;
        var cold = MeanBest(s => new GpSampler(SearchSpace.Create(f.Space), s), 12);
        var warm = MeanBest(s => new GpSampler(SearchSpace.Create(f.Space), s, Priors(f)), 12);
        Assert.True(warm < 0.5 * cold, $"warm {warm:F3} vs cold {cold:F3}");
    }

    [Fact]
    public void TpeWithQuantilePriorsOfTheSameRanksStillFindsAGoodBraninPointSooner()
    {
        var f = BenchmarkFunctions.Branin;
        var cold = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s), 12);
        var warm = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s, AsQuantiles(Priors(f))), 12);
        Assert.True(warm < 0.5 * cold, $"warm {warm:F3} vs cold {cold:F3}");
    }

    [Fact]
    public void TpePriorsFromAnEasierTaskDoNotOutrankTheStudysOwnTrialsForGood()
    {
        // A past task that is best where this Branin is worst (its value: -200 - Branin), on its own scale: every value
        // beats anything this study can reach. Read as the study's own values they hold the top of the model for good;
        // read as quantiles they rank among the study's own trials.
        var f = BenchmarkFunctions.Branin;
        var space = SearchSpace.Create(f.Space);
        var random = new Random(99);
        var misleading = new WarmStartDefinition([.. Enumerable.Range(0, 20).Select(_ =>
        {
            var c = space.Decode(space.SampleUniform(random));
            return new PriorObservation(c, -200 - f.Evaluate(c), 1.0);
        })]);
        var asObjective = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s, misleading), 20);
        var asQuantiles = MeanBest(s => new TpeSampler(SearchSpace.Create(f.Space), s, AsQuantiles(misleading)), 20);

        Assert.True(asQuantiles < 0.5 * asObjective, $"quantile {asQuantiles:F3} vs objective {asObjective:F3}");
    }

    /// <summary>The same priors on the quantile scale: their mid-rank among themselves, 1 = the lowest (best) value.</summary>
    private static WarmStartDefinition AsQuantiles(WarmStartDefinition priors)
    {
        var observations = priors.Observations!;
        var n = observations.Count;
        return new WarmStartDefinition(
            [.. observations.Select(o => o with { Value = 1 - ((observations.Count(p => p.Value < o.Value) + (0.5 * (observations.Count(p => p.Value == o.Value) - 1))) / (n - 1)) })],
            Scale: PriorScale.Quantile);
    }

    private static double MeanBest(Func<int, ISampler> create, int trials) =>
        Enumerable.Range(0, 4).Average(s => StudyRunner.Run(create(s), BenchmarkFunctions.Branin.Evaluate, trials).Trials.Min(t => t.Value!.Value) - BenchmarkFunctions.Branin.Minimum);

    /// <summary>A past study of the same function: 40 random points with their true values, weight 0.8.</summary>
    private static WarmStartDefinition Priors(BenchmarkFunction f)
    {
        var space = SearchSpace.Create(f.Space);
        var random = new Random(1234);
        return new WarmStartDefinition([.. Enumerable.Range(0, 40).Select(_ =>
        {
            var c = space.Decode(space.SampleUniform(random));
            return new PriorObservation(c, f.Evaluate(c), 0.8);
        })]);
    }
}
