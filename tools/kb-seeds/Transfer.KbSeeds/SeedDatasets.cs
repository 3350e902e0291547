using System.Text.Json;
using Transfer.Data;

namespace Transfer.KbSeeds;

/// <summary>Decodes a seed dataset folder (its <c>dataset.json</c> says format and files) with the Transfer.Data readers.</summary>
public static class SeedDatasets
{
    public static async Task<object> ReadAsync(string folder)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "dataset.json")));
        var root = manifest.RootElement;
        var files = root.GetProperty("files");
        string PartPath(string part) => Path.Combine(folder, files.GetProperty(part).GetString()!);
        switch (root.GetProperty("format").GetString())
        {
            case "idx":
                await using (var images = File.OpenRead(PartPath("images")))
                await using (var labels = File.OpenRead(PartPath("labels")))
                {
                    return await IdxReader.ReadAsync(images, labels);
                }

            case "csv":
                await using (var csv = File.OpenRead(PartPath("table")))
                {
                    return await CsvTableReader.ReadAsync(csv, root.TryGetProperty("label", out var label) ? label.GetString()! : "label");
                }

            default:
                await using (var zip = File.OpenRead(PartPath("archive")))
                {
                    return await ImageZipReader.ReadAsync(zip);
                }
        }
    }
}
