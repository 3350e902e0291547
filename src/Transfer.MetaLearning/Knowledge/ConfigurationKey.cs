using System.Text;
using System.Text.Json;

namespace Transfer.MetaLearning.Knowledge;

/// <summary>A canonical text for a configuration (names in ordinal order, values as compact JSON), to find repeats.</summary>
internal static class ConfigurationKey
{
    public static string Of(IReadOnlyDictionary<string, JsonElement> configuration)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in configuration.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append('=').Append(JsonSerializer.Serialize(value)).Append(';');
        }

        return builder.ToString();
    }
}
