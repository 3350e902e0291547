using System.Text.Json;

namespace Transfer.Cli.Output;

/// <summary>How <c>--json</c> writes: the API's own JSON shape (camelCase, enums as strings), indented, one document per command.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>For JSON lines (one compact document per line, as <c>watch --json</c> writes events).</summary>
    public static JsonSerializerOptions Lines { get; } = new(JsonSerializerDefaults.Web);

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
        writer.Flush();
    }
}
