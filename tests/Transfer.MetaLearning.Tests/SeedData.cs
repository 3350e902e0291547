using System.Text.Json;
using Transfer.Data;

namespace Transfer.MetaLearning.Tests;

/// <summary>Reads the real seed datasets from <c>knowledge-base-seeds/datasets/</c> with the project's own readers.</summary>
internal static class SeedData
{
    public static string DatasetsFolder { get; } = FindDatasets();

    public static IReadOnlyList<string> Names { get; } =
        Directory.GetDirectories(DatasetsFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static bool IsImage(string name) => Format(name) != "csv";

    public static async Task<TabularData> TableAsync(string name)
    {
        await using var csv = File.OpenRead(Path.Combine(DatasetsFolder, name, "data.csv"));
        return await CsvTableReader.ReadAsync(csv, "label");
    }

    public static async Task<ImageData> ImagesAsync(string name)
    {
        var folder = Path.Combine(DatasetsFolder, name);
        if (Format(name) == "idx")
        {
            await using var images = File.OpenRead(Path.Combine(folder, "images-idx3-ubyte.gz"));
            await using var labels = File.OpenRead(Path.Combine(folder, "labels-idx1-ubyte.gz"));
            return await IdxReader.ReadAsync(images, labels);
        }

        await using var zip = File.OpenRead(Path.Combine(folder, "images.zip"));
        return await ImageZipReader.ReadAsync(zip);
    }

    private static string Format(string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(DatasetsFolder, name, "dataset.json")));
        return manifest.RootElement.GetProperty("format").GetString() ?? "";
    }

    private static string FindDatasets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge-base-seeds", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("knowledge-base-seeds/datasets not found above " + AppContext.BaseDirectory);
    }
}
