using System.Text.Json;
using Transfer.Data;

namespace Transfer.CurveRecorder;

/// <summary>Decodes a seed dataset folder (its <c>dataset.json</c> names the format and files) with the Transfer.Data readers.</summary>
internal static class SeedData
{
    public static async Task<object> ReadAsync(string folder, CancellationToken cancellationToken = default)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "dataset.json"), cancellationToken));
        var root = manifest.RootElement;
        var files = root.GetProperty("files");
        string PartPath(string part) => Path.Combine(folder, files.GetProperty(part).GetString()!);
        switch (root.GetProperty("format").GetString())
        {
            case "idx":
                await using (var images = File.OpenRead(PartPath("images")))
                await using (var labels = File.OpenRead(PartPath("labels")))
                {
                    return await IdxReader.ReadAsync(images, labels, cancellationToken: cancellationToken);
                }

            case "csv":
                await using (var csv = File.OpenRead(PartPath("table")))
                {
                    var label = root.TryGetProperty("label", out var l) ? l.GetString()! : "label";
                    return await CsvTableReader.ReadAsync(csv, label, cancellationToken: cancellationToken);
                }

            default:
                throw new InvalidDataException($"{folder}: the recorder reads idx and csv datasets only");
        }
    }
}
