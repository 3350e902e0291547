using System.Text.Json;
using Transfer.Contracts.Search;
using Transfer.Search.Spaces;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Configurations as the knowledge base keeps them (plain JSON: numbers, strings, and the head as a list of layer
/// objects) and back to a search space's typed values, keeping only those valid in a given space.
/// </summary>
public static class ConfigurationJson
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, JsonElement> ToJson(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        configuration.ToDictionary(
            p => p.Key,
            p => p.Value switch
            {
                { Number: { } n } => JsonSerializer.SerializeToElement(n, _json),
                { Choice: { } c } => JsonSerializer.SerializeToElement(c, _json),
                { Layers: { } layers } => JsonSerializer.SerializeToElement(layers, _json),
                _ => JsonSerializer.SerializeToElement<object?>(null, _json),
            },
            StringComparer.Ordinal);

    /// <summary>The typed configuration, or null when a value is neither a number, a string nor a layer list.</summary>
    public static IReadOnlyDictionary<string, ParameterValue>? FromJson(IReadOnlyDictionary<string, JsonElement> configuration)
    {
        var result = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in configuration)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    result[name] = ParameterValue.Of(value.GetDouble());
                    break;
                case JsonValueKind.String:
                    result[name] = ParameterValue.Of(value.GetString()!);
                    break;
                case JsonValueKind.Array:
                    try
                    {
                        result[name] = ParameterValue.Of(value.Deserialize<List<HeadLayer>>(_json) ?? []);
                    }
                    catch (JsonException)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        return result;
    }

    /// <summary>
    /// The configuration restricted to the space's parameters, when it then passes the space's check (ranges, choices,
    /// conditions, architecture limits); null otherwise.
    /// </summary>
    public static IReadOnlyDictionary<string, ParameterValue>? InSpace(IReadOnlyDictionary<string, JsonElement> configuration, SearchSpace space)
    {
        if (FromJson(configuration) is not { } typed)
        {
            return null;
        }

        var names = space.Definition.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var restricted = typed.Where(p => names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        try
        {
            return space.Check(restricted).Count == 0 ? restricted : null;
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
