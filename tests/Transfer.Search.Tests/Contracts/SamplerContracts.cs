using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Rl;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Contracts;

public sealed class RandomSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new RandomSampler(space, seed, warmStart);
}

public sealed class GridSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new GridSampler(space, seed, warmStart, 3);
}

public sealed class LatinHypercubeSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new LatinHypercubeSampler(space, seed, warmStart, 10);
}

public sealed class TpeSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new TpeSampler(space, seed, warmStart, new TpeOptions(StartupTrials: 6));
}

public sealed class MultivariateTpeSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) =>
        new TpeSampler(space, seed, warmStart, new TpeOptions(StartupTrials: 6, Multivariate: true));
}

public sealed class GpSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new GpSampler(space, seed, warmStart, new GpOptions(StartupTrials: 6));
}

public sealed class RlArchitectureSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) =>
        new RlArchitectureSampler(space, seed, warmStart, options: new RlOptions(ExplorationTrials: 4, DecayUntil: 12));
}
