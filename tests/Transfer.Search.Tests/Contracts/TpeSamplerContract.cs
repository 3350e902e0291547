using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Contracts;

public sealed class TpeSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new TpeSampler(space, seed, warmStart, new TpeOptions(StartupTrials: 6));
}
