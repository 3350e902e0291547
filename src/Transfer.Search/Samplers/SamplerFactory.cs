using System.Globalization;
using Transfer.Contracts.Search;
using Transfer.Search.Plugins;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Rl;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;

namespace Transfer.Search.Samplers;

/// <summary>Builds a sampler from its wire definition (see <see cref="SamplerDefinition"/> for names and options).</summary>
public static class SamplerFactory
{
    public static ISampler Create(SamplerDefinition definition, SearchSpace space)
    {
        var options = definition.Options ?? new Dictionary<string, string>();
        var warm = definition.WarmStart;
        int Int(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string Required(string key) => options.TryGetValue(key, out var v) ? v : throw new ArgumentException($"sampler '{definition.Name}' needs option '{key}'");

        return definition.Name.ToLowerInvariant() switch
        {
            "random" => new RandomSampler(space, definition.Seed, warm),
            "grid" => new GridSampler(space, definition.Seed, warm, Int("points", 5)),
            "lhs" => new LatinHypercubeSampler(space, definition.Seed, warm, Int("size", 20)),
            "tpe" => new TpeSampler(space, definition.Seed, warm, new TpeOptions(StartupTrials: Int("startup_trials", 10))),
            "tpe-multivariate" => new TpeSampler(space, definition.Seed, warm, new TpeOptions(StartupTrials: Int("startup_trials", 10), Multivariate: true)),
            "gp" => new GpSampler(space, definition.Seed, warm, new GpOptions(StartupTrials: Int("startup_trials", 10))),
            "rl" => new RlArchitectureSampler(space, definition.Seed, warm),
            "assembly" => AssemblySamplerLoader.Load(Required("path"), Required("type"), space, definition.Seed, warm, TimeSpan.FromMilliseconds(Int("timeout_ms", 30000))),
            "process" => new ProcessSampler(space, definition.Seed, warm, new ProcessSamplerOptions(
                Required("command"),
                options.TryGetValue("arguments", out var args) ? args.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
                TimeSpan.FromMilliseconds(Int("timeout_ms", 30000)),
                options.GetValueOrDefault("working_directory"))),
            _ => throw new ArgumentException($"unknown sampler '{definition.Name}'", nameof(definition)),
        };
    }
}
