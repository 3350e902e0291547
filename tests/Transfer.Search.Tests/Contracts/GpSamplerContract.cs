using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Contracts;

public sealed class GpSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new GpSampler(space, seed, warmStart, new GpOptions(StartupTrials: 6));
}
