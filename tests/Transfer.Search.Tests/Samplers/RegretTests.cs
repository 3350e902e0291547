using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;

namespace Transfer.Search.Tests.Samplers;

/// <summary>Model-based samplers must beat random search clearly, on fixed seeds, on standard functions.</summary>
public sealed class RegretTests
{
    [Fact]
    public void TpeBeatsRandomOnHartmann6()
    {
        var f = BenchmarkFunctions.Hartmann6;
        var tpe = MeanRegret(f, s => new TpeSampler(SearchSpace.Create(f.Space), s), 60, 8);
        var random = MeanRegret(f, s => new RandomSampler(SearchSpace.Create(f.Space), s), 60, 8);
        Assert.True(tpe < 0.8 * random, $"TPE {tpe:F3} vs random {random:F3}");
    }

    [Fact]
    public void MultivariateTpeBeatsRandomOnBranin()
    {
        var f = BenchmarkFunctions.Branin;
        var tpe = MeanRegret(f, s => new TpeSampler(SearchSpace.Create(f.Space), s, options: new TpeOptions(Multivariate: true)), 40, 8);
        var random = MeanRegret(f, s => new RandomSampler(SearchSpace.Create(f.Space), s), 40, 8);
        Assert.True(tpe < 0.6 * random, $"multivariate TPE {tpe:F3} vs random {random:F3}");
    }

    [Fact]
    public void GpBeatsRandomOnBranin()
    {
        var f = BenchmarkFunctions.Branin;
        var gp = MeanRegret(f, s => new GpSampler(SearchSpace.Create(f.Space), s), 25, 4);
        var random = MeanRegret(f, s => new RandomSampler(SearchSpace.Create(f.Space), s), 25, 4);
        Assert.True(gp < 0.5 * random, $"GP {gp:F3} vs random {random:F3}");
    }

    private static double MeanRegret(BenchmarkFunction f, Func<int, ISampler> create, int trials, int seeds) =>
        Enumerable.Range(0, seeds).Average(s => StudyRunner.Run(create(s), f.Evaluate, trials).Trials.Min(t => t.Value!.Value) - f.Minimum);
}
