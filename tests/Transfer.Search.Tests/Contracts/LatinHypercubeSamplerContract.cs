using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Contracts;

public sealed class LatinHypercubeSamplerContract : SamplerContractTests
{
    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) => new LatinHypercubeSampler(space, seed, warmStart, 10);
}
