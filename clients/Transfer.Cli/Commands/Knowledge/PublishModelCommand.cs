using System.Text.Json;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary>
/// <c>transfer kb publish-model &lt;folder&gt; --group-of &lt;dataset&gt;</c>: publishes a benchmark model from its folder
/// (a manifest and weights, as the seeds lay them out) for a group, named directly or by one of its datasets (admin key).
/// A model of that id already published is left as it is, so the command can be run again.
/// </summary>
public sealed class PublishModelCommand(CliServices services) : TransferCommand<KnowledgeSettings.PublishModel>(services)
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.PublishModel settings, CancellationToken cancellationToken)
    {
        if ((settings.Group is null) == (settings.GroupOf is null))
        {
            throw new CliUsageException("Say which group the model serves: --group <id> (see `transfer groups`) or --group-of <dataset>, not both.");
        }

        var (manifest, weightsPath) = await ReadManifestAsync(settings.Folder, cancellationToken).ConfigureAwait(false);
        var id = settings.Id ?? manifest.Id;
        var datasets = new List<DatasetInfo>();
        await foreach (var dataset in client.Datasets.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            datasets.Add(dataset);
        }

        var group = settings.Group ?? await GroupOfAsync(client, datasets, settings.GroupOf!, cancellationToken).ConfigureAwait(false);
        var existing = (await client.Knowledge.ListBenchmarkModelsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Id == id);
        var held = settings.Wait ? await HeldAsync(client, datasets, cancellationToken).ConfigureAwait(false) : [];
        var published = existing ?? await PublishAsync(client, id, manifest, weightsPath, group, cancellationToken).ConfigureAwait(false);
        if (!settings.Json)
        {
            Services.Out.MarkupLine(Markup.Escape(existing is null
                ? $"Published {id} ({manifest.Spec}) for group {group}."
                : $"Already published: {id} (group {existing.Group ?? "-"}, source dataset {existing.SourceDataset ?? "-"}); left as it is."));
        }

        var failed = new List<string>();
        if (settings.Wait)
        {
            failed = await KnowledgeWait.UntilGroupedAsync(Services, client, held, settings.Json, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            CliJson.Write(Services.Json, published);
        }
        else
        {
            foreach (var line in failed)
            {
                Services.Out.MarkupLine(Markup.Escape($"meta-features failed: {line}"));
            }
        }

        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>
    /// The caller's datasets the knowledge base holds (their meta-features computed), by "name (id)": those it re-extracts
    /// for a new model. Others (still extracting, or kept out, as a group's virtual dataset) are not waited for.
    /// </summary>
    private static async Task<Dictionary<string, string>> HeldAsync(TransferClient client, IEnumerable<DatasetInfo> datasets, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            if ((await client.Knowledge.GetMetaFeaturesAsync(dataset.Id, cancellationToken).ConfigureAwait(false)).Status == DatasetKnowledgeStatus.Ready)
            {
                held.TryAdd($"{dataset.Name} ({dataset.Id})", dataset.Id);
            }
        }

        return held;
    }

    private static async Task<BenchmarkModelInfo> PublishAsync(TransferClient client, string id, SeedModelManifest manifest, string weightsPath, string group, CancellationToken cancellationToken)
    {
        await using var weights = File.OpenRead(weightsPath);
        return await client.Knowledge.PublishBenchmarkModelAsync(id, manifest.Spec, weights, group: group, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(SeedModelManifest Manifest, string WeightsPath)> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "model.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: give a benchmark model's folder (model.json and its weights, as knowledge-base-seeds/benchmark-models/*).", path);
        }

        SeedModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SeedModelManifest>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), ManifestJson);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{path} is not a benchmark model manifest ({{id, spec, weights}}): {ex.Message}", ex);
        }

        if (manifest is not { Id.Length: > 0, Spec: not null, Weights.Length: > 0 })
        {
            throw new CliUsageException($"{path} is not a benchmark model manifest: it needs id, spec and weights (the weights file's name).");
        }

        var weights = Path.Combine(folder, manifest.Weights);
        return File.Exists(weights)
            ? (manifest, weights)
            : throw new FileNotFoundException($"{weights} not found: {path} names it as the model's weights.", weights);
    }

    /// <summary>The group of a dataset given by id, or by name when exactly one of the caller's datasets has it.</summary>
    private static async Task<string> GroupOfAsync(TransferClient client, IReadOnlyList<DatasetInfo> datasets, string dataset, CancellationToken cancellationToken)
    {
        List<string> matches = datasets.Any(d => d.Id == dataset) ? [dataset] : [.. datasets.Where(d => d.Name == dataset).Select(d => d.Id)];
        var id = matches switch
        {
            [var one] => one,
            [] => throw new CliUsageException($"No dataset '{dataset}' (an id, or the name of one of your datasets; see `transfer datasets list`)."),
            _ => throw new CliUsageException($"{matches.Count} datasets are named '{dataset}' ({string.Join(", ", matches)}): give one's id."),
        };
        var known = await client.Knowledge.GetMetaFeaturesAsync(id, cancellationToken).ConfigureAwait(false);
        return known.Group is { IsUnknown: false } assignment
            ? assignment.GroupId
            : throw new CliUsageException(known.Status == DatasetKnowledgeStatus.Ready
                ? $"Dataset {id} is in no group (it is far from every group of its kind); name a group with --group."
                : $"Dataset {id} has no group yet (its meta-features are {known.Status.ToString().ToLowerInvariant()}); try again once `transfer kb features {id}` shows one.");
    }
}
