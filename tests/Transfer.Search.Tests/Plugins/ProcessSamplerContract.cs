using Transfer.Contracts.Search;
using Transfer.Search.Plugins;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Tests.Contracts;

namespace Transfer.Search.Tests.Plugins;

/// <summary>The shipped Python example plugin keeps the same sampler contract as the built-in samplers.</summary>
public sealed class ProcessSamplerContract : SamplerContractTests, IDisposable
{
    private readonly List<ProcessSampler> _started = [];

    public void Dispose()
    {
        foreach (var sampler in _started)
        {
            sampler.Dispose();
        }
    }

    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null)
    {
        var sampler = new ProcessSampler(space, seed, warmStart, new ProcessSamplerOptions("python3", [RepoPaths.EvolutionPlugin], TimeSpan.FromSeconds(20)));
        _started.Add(sampler);
        return sampler;
    }
}
