using Transfer.Contracts.Search;
using Transfer.Search.Plugins;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Tests.Contracts;

namespace Transfer.Search.Tests.Plugins;

/// <summary>The shipped .NET example plugin, loaded by name through the assembly loader, keeps the sampler contract.</summary>
public sealed class AssemblySamplerContract : SamplerContractTests
{
    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "Transfer.Plugins.Example.dll");

    public const string ExampleType = "Transfer.Plugins.Example.CoordinateSearchSampler";

    protected override ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null) =>
        AssemblySamplerLoader.Load(ExamplePath, ExampleType, space, seed, warmStart);
}
