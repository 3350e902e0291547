using System.Reflection;
using System.Runtime.Loader;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;

namespace Transfer.Search.Plugins;

/// <summary>
/// Loads a user sampler from a .NET assembly by type name (the seed's UserPlugInAlg). The type implements
/// <see cref="ISampler"/> and has a constructor <c>(SearchSpace space, int seed, WarmStartDefinition? warmStart)</c>.
/// The result is wrapped in a <see cref="GuardedSampler"/>: exceptions, time-outs and configurations outside the space
/// become <see cref="PluginException"/>s.
/// </summary>
public static class AssemblySamplerLoader
{
    public static ISampler Load(string assemblyPath, string typeName, SearchSpace space, int seed, WarmStartDefinition? warmStart = null, TimeSpan? timeout = null)
    {
        Type? type;
        try
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            type = assembly.GetType(typeName, throwOnError: false);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException or FileLoadException)
        {
            throw new PluginException(PluginFailure.LoadFailed, $"cannot load assembly '{assemblyPath}': {e.Message}", e);
        }

        if (type is null || !typeof(ISampler).IsAssignableFrom(type))
        {
            throw new PluginException(PluginFailure.LoadFailed, $"'{typeName}' in '{assemblyPath}' is not a type implementing ISampler");
        }

        var ctor = type.GetConstructor([typeof(SearchSpace), typeof(int), typeof(WarmStartDefinition)])
            ?? throw new PluginException(PluginFailure.LoadFailed, $"'{typeName}' has no constructor (SearchSpace, int, WarmStartDefinition?)");
        try
        {
            var sampler = (ISampler)ctor.Invoke([space, seed, warmStart]);
            return new GuardedSampler(sampler, space, timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TargetInvocationException e)
        {
            throw new PluginException(PluginFailure.Crashed, $"'{typeName}' constructor threw: {e.InnerException?.Message}", e.InnerException);
        }
    }
}
