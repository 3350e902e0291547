using System.Text.Json;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>The API's JSON conventions (web defaults: camelCase; enums are strings by their own attributes).</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
