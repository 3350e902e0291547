using System.Text.Json;
using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>
/// JSON settings for training records: web defaults (camelCase) and NaN/Infinity written as strings, because
/// per-class accuracy is NaN for a class absent from a split and a diverged loss is not finite.
/// </summary>
public static class TrainingJson
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
