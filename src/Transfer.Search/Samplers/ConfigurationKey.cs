using Transfer.Contracts.Search;

namespace Transfer.Search.Samplers;

/// <summary>A canonical string for a configuration, used to compare configurations.</summary>
public static class ConfigurationKey
{
    public static string Of(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        string.Join(";", configuration.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
}
