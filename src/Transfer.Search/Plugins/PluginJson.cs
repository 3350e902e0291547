using System.Text.Json;
using System.Text.Json.Nodes;
using Transfer.Contracts.Search;
using Transfer.Search.Trials;

namespace Transfer.Search.Plugins;

/// <summary>
/// Plain-JSON forms used by the process protocol: a configuration is an object whose values are numbers (float, int),
/// strings (categorical) or arrays of layer objects <c>{"kind","kernel","size","lr_mult","decay_mult"}</c> (architecture).
/// </summary>
public static class PluginJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static JsonObject Configuration(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var o = new JsonObject();
        foreach (var (name, value) in configuration.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            o[name] = value.Number is { } n ? JsonValue.Create(n)
                : value.Choice is { } c ? JsonValue.Create(c)
                : new JsonArray([.. (value.Layers ?? []).Select(l => (JsonNode)new JsonObject
                {
                    ["kind"] = l.Kind,
                    ["kernel"] = l.Kernel,
                    ["size"] = l.Size,
                    ["lr_mult"] = l.LrMult,
                    ["decay_mult"] = l.DecayMult,
                })]);
        }

        return o;
    }

    /// <summary>Parses a configuration object; throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyDictionary<string, ParameterValue> ParseConfiguration(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            throw new FormatException("configuration is not a JSON object");
        }

        var config = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in o)
        {
            config[name] = value switch
            {
                JsonValue v when v.TryGetValue<double>(out var d) => ParameterValue.Of(d),
                JsonValue v when v.TryGetValue<string>(out var s) => ParameterValue.Of(s),
                JsonArray a => ParameterValue.Of([.. a.Select(Layer)]),
                _ => throw new FormatException($"'{name}' has an unsupported value"),
            };
        }

        return config;
    }

    public static JsonObject Trial(TrialRecord t, StudyDirection direction) => new()
    {
        ["number"] = t.Number,
        ["configuration"] = Configuration(t.Configuration),
        ["state"] = t.State.ToString().ToLowerInvariant(),
        ["value"] = t.Value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null,
        ["direction"] = direction.ToString().ToLowerInvariant(),
    };

    private static HeadLayer Layer(JsonNode? node)
    {
        if (node is not JsonObject l || l["kind"]?.GetValue<string>() is not { } kind)
        {
            throw new FormatException("a layer is not an object with a kind");
        }

        return new HeadLayer(
            kind,
            l["kernel"]?.GetValue<int>() ?? 0,
            l["size"]?.GetValue<int>() ?? throw new FormatException("a layer has no size"),
            l["lr_mult"]?.GetValue<double>() ?? 1.0,
            l["decay_mult"]?.GetValue<double>() ?? 1.0);
    }
}
