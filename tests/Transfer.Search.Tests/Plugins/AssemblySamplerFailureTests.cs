using Transfer.Contracts.Search;
using Transfer.Search.Plugins;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Plugins;

/// <summary>Assembly plugins that cannot be loaded, throw, hang or answer garbage are reported as such.</summary>
public sealed class AssemblySamplerFailureTests
{
    private static readonly string _self = typeof(AssemblySamplerFailureTests).Assembly.Location;

    [Fact]
    public void AnUnknownTypeIsReportedAsLoadFailed()
    {
        var e = Assert.Throws<PluginException>(() => AssemblySamplerLoader.Load(AssemblySamplerContract.ExamplePath, "No.Such.Sampler", Space(), 1));
        Assert.Equal(PluginFailure.LoadFailed, e.Failure);
    }

    [Fact]
    public void AMissingAssemblyIsReportedAsLoadFailed()
    {
        var e = Assert.Throws<PluginException>(() => AssemblySamplerLoader.Load("/nonexistent/plugin.dll", "X", Space(), 1));
        Assert.Equal(PluginFailure.LoadFailed, e.Failure);
    }

    [Fact]
    public void ASamplerThatThrowsIsReportedAsCrashed()
    {
        var sampler = AssemblySamplerLoader.Load(_self, typeof(ThrowingSampler).FullName!, Space(), 1);
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.Crashed, e.Failure);
    }

    [Fact]
    public void ASamplerThatNeverReturnsIsReportedAsTimedOut()
    {
        using var release = new ManualResetEventSlim();
        HangingSampler.Release = release;
        var sampler = AssemblySamplerLoader.Load(_self, typeof(HangingSampler).FullName!, Space(), 1, timeout: TimeSpan.FromMilliseconds(200));
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        release.Set();
        Assert.Equal(PluginFailure.TimedOut, e.Failure);
    }

    [Fact]
    public void ASamplerAnsweringOutsideTheSpaceIsReportedAsGarbage()
    {
        var sampler = AssemblySamplerLoader.Load(_self, typeof(GarbageSampler).FullName!, Space(), 1);
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.Garbage, e.Failure);
    }

    private static SearchSpace Space() => SearchSpace.Create(new SearchSpaceDefinition([new ParameterDefinition("x", ParameterKind.Float, 0, 1)]));

    public sealed class ThrowingSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart) : SamplerBase(space, seed, warmStart)
    {
        public override string Name => "throwing";

        protected override double[] AskVector(TrialHistory history, Random random) => throw new InvalidOperationException("plugin bug");
    }

    public sealed class HangingSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart) : SamplerBase(space, seed, warmStart)
    {
        public static ManualResetEventSlim? Release { get; set; }

        public override string Name => "hanging";

        protected override double[] AskVector(TrialHistory history, Random random)
        {
            Release?.Wait();
            return Space.SampleUniform(random);
        }
    }

    public sealed class GarbageSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart) : SamplerBase(space, seed, warmStart)
    {
        public override string Name => "garbage";

        protected override double[] AskVector(TrialHistory history, Random random) => [2.5];
    }
}
