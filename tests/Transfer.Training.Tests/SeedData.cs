using System.Text.Json;
using Transfer.Data;

namespace Transfer.Training.Tests;

/// <summary>Reads the real seed datasets in knowledge-base-seeds/datasets with the project's own readers.</summary>
internal static class SeedData
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Directory(string name) => Path.Combine(_root.Value, "knowledge-base-seeds", "datasets", name);

    public static async Task<ImageData> ImagesAsync(string name)
    {
        var dir = Directory(name);
        using var meta = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "dataset.json")));
        var files = meta.RootElement.GetProperty("files");
        if (meta.RootElement.GetProperty("format").GetString() == "image-zip")
        {
            await using var zip = File.OpenRead(Path.Combine(dir, files.EnumerateObject().First().Value.GetString()!));
            return await ImageZipReader.ReadAsync(zip);
        }

        var classes = meta.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
        await using var images = File.OpenRead(Path.Combine(dir, files.GetProperty("images").GetString()!));
        await using var labels = File.OpenRead(Path.Combine(dir, files.GetProperty("labels").GetString()!));
        return await IdxReader.ReadAsync(images, labels, classes);
    }

    public static async Task<TabularData> TableAsync(string name)
    {
        await using var csv = File.OpenRead(Path.Combine(Directory(name), "data.csv"));
        return await CsvTableReader.ReadAsync(csv, "label");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "knowledge-base-seeds", "datasets")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("knowledge-base-seeds/datasets not found above " + AppContext.BaseDirectory);
    }
}
