using System.Text.Json;
using Transfer.Client.Datasets;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Knowledge;

/// <summary>
/// Seeds a server's knowledge base from a folder laid out as <c>knowledge-base-seeds/</c>: uploads each
/// <c>datasets/*</c> (its <c>dataset.json</c> tells format, files and label) into the caller's tenant, publishes
/// <c>benchmark-models/*/model.json</c> with their weights, and imports <c>histories/*.json</c>. Idempotent: datasets are
/// matched by name, models by id, histories by id, so a second run adds nothing. Needs an admin key.
/// </summary>
public sealed class KnowledgeSeeder(TransferClient client)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs the seeding; <paramref name="log"/> hears one line per step.</summary>
    public Task<SeedReport> SeedAsync(string folder, Action<string>? log = null, CancellationToken cancellationToken = default) =>
        SeedAsync(folder, exclude: [], log, cancellationToken);

    /// <summary>
    /// Runs the seeding without the datasets named in <paramref name="exclude"/> (folder names under <c>datasets/</c>) and
    /// their histories, e.g. to keep a dataset out for a demo or an evaluation.
    /// </summary>
    public async Task<SeedReport> SeedAsync(string folder, IReadOnlyCollection<string> exclude, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"'{folder}' is not a folder.");
        }

        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var dataset in client.Datasets.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            existing.TryAdd(dataset.Name, dataset.Id);
        }

        var (uploaded, kept) = (new List<string>(), new List<string>());
        foreach (var datasetFolder in Folders(Path.Combine(folder, "datasets")))
        {
            var name = Path.GetFileName(datasetFolder);
            if (exclude.Contains(name))
            {
                continue;
            }

            if (existing.ContainsKey(name))
            {
                kept.Add(name);
                continue;
            }

            var (files, label) = ReadDataset(datasetFolder);
            var info = await client.Datasets.UploadFilesAsync(files, name, label, cancellationToken: cancellationToken).ConfigureAwait(false);
            existing[name] = info.Id;
            uploaded.Add(name);
            log?.Invoke($"uploaded dataset {name} as {info.Id}");
        }

        if (uploaded.Count > 0)
        {
            await client.Knowledge.RequestReclusterAsync(cancellationToken).ConfigureAwait(false);
        }

        var (published, modelsKept) = await PublishModelsAsync(folder, existing, log, cancellationToken).ConfigureAwait(false);
        var (imported, historiesKept) = (new List<string>(), new List<string>());
        foreach (var file in Files(Path.Combine(folder, "histories"), "*.json"))
        {
            var history = Read<SeedHistoryFile>(file);
            if (exclude.Contains(history.Dataset))
            {
                continue;
            }

            var datasetId = existing.TryGetValue(history.Dataset, out var id) ? id : throw new InvalidDataException($"{file}: no seed dataset '{history.Dataset}'.");
            var result = await client.Knowledge.ImportHistoryAsync(new(history.Id, datasetId, history.Source, history.Trials), cancellationToken).ConfigureAwait(false);
            (result.Imported ? imported : historiesKept).Add(history.Id);
            if (result.Imported)
            {
                log?.Invoke($"imported history {history.Id} ({result.Trials} trials on {history.Dataset})");
            }
        }

        return new SeedReport(uploaded, kept, published, modelsKept, imported, historiesKept, uploaded.Count > 0);
    }

    private async Task<(List<string> Published, List<string> Kept)> PublishModelsAsync(
        string folder, Dictionary<string, string> datasets, Action<string>? log, CancellationToken cancellationToken)
    {
        var known = (await client.Knowledge.ListBenchmarkModelsAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var (published, kept) = (new List<string>(), new List<string>());
        foreach (var modelFolder in Folders(Path.Combine(folder, "benchmark-models")))
        {
            var manifest = Read<SeedModelManifest>(Path.Combine(modelFolder, "model.json"));
            if (known.Contains(manifest.Id))
            {
                kept.Add(manifest.Id);
                continue;
            }

            var source = datasets.TryGetValue(manifest.SourceDataset, out var id) ? id : throw new InvalidDataException($"{modelFolder}: no seed dataset '{manifest.SourceDataset}'.");
            await using var weights = File.OpenRead(Path.Combine(modelFolder, manifest.Weights));
            await client.Knowledge.PublishBenchmarkModelAsync(manifest.Id, manifest.Spec, weights, sourceDataset: source, cancellationToken: cancellationToken).ConfigureAwait(false);
            published.Add(manifest.Id);
            log?.Invoke($"published benchmark model {manifest.Id} (trained on {manifest.SourceDataset})");
        }

        return (published, kept);
    }

    private static (DatasetFileSet Files, string? Label) ReadDataset(string folder)
    {
        using var manifest = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(folder, "dataset.json")));
        var root = manifest.RootElement;
        var files = root.GetProperty("files");
        string PartPath(string part) => Path.Combine(folder, files.GetProperty(part).GetString()!);
        return root.GetProperty("format").GetString() switch
        {
            "idx" => (DatasetFileSet.FromIdxPair(PartPath("images"), PartPath("labels")), null),
            "csv" => (DatasetFileSet.FromPath(PartPath("table"), DatasetFormat.Csv), root.TryGetProperty("label", out var label) ? label.GetString() : "label"),
            "image-zip" => (DatasetFileSet.FromPath(PartPath("archive"), DatasetFormat.ImageZip), null),
            var other => throw new InvalidDataException($"{folder}/dataset.json: unknown format '{other}'."),
        };
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(System.IO.File.ReadAllText(path), _json) ?? throw new InvalidDataException($"{path} is empty.");

    private static IEnumerable<string> Folders(string path) =>
        Directory.Exists(path) ? Directory.GetDirectories(path).Order(StringComparer.Ordinal) : [];

    private static IEnumerable<string> Files(string path, string pattern) =>
        Directory.Exists(path) ? Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal) : [];
}
