using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Rl;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Contracts;

public sealed class RlArchitectureSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) =>
        new RlArchitectureSampler(space, seed, warmStart, options: new RlOptions(ExplorationTrials: 4, DecayUntil: 12));
}
