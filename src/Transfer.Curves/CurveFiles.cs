using System.Text.Json;
using System.Text.Json.Serialization;
using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>
/// Reads and writes <see cref="RecordedCurve"/> JSON files: snake_case names, states as snake_case strings,
/// non-finite numbers as "NaN" / "Infinity" strings, absent optional values omitted.
/// </summary>
public static class CurveFiles
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<RecordedCurve> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<RecordedCurve>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{path} holds no curve.");
    }

    /// <summary>Every *.json curve under <paramref name="folder"/> (recursively, README and other files skipped), ordered by path.</summary>
    public static async Task<IReadOnlyList<RecordedCurve>> ReadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var curves = new List<RecordedCurve>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            curves.Add(await ReadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return curves;
    }

    public static async Task WriteAsync(string path, RecordedCurve curve, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, curve, JsonOptions, cancellationToken).ConfigureAwait(false);
    }
}
