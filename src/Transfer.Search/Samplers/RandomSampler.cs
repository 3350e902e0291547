using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers;

/// <summary>Independent uniform (log-uniform on log parameters) draws, respecting conditions.</summary>
public sealed class RandomSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) : SamplerBase(space, seed, warmStart)
{
    public override string Name => "random";

    protected override double[] AskVector(TrialHistory history, Random random) => Space.SampleUniform(random);
}
