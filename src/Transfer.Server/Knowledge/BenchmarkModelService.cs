using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Training;
using Transfer.Server.Datasets;
using Transfer.Server.Problems;
using Transfer.Storage;
using Transfer.Training.Inference;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Publishes and lists benchmark models. The weights are exactly what <c>FineTuning.CreateAsync</c> reads: a stream written
/// by <see cref="TrainedModel.SaveAsync"/>. They are loaded once on publish to check that their backbone is the spec's.
/// Publishing an image model changes the meta-features' embedding layout, so it queues the knowledge worker's sweep,
/// which re-extracts the vectors of the old feature set version in the background.
/// </summary>
public sealed partial class BenchmarkModelService(KnowledgeStore store, ArtifactStore artifacts, DatasetService datasets, GroupingService grouping, KnowledgeQueue queue, TimeProvider time)
{
    private const long MaxWeightsBytes = 256L << 20;

    /// <summary>Multipart: <c>id</c>, <c>spec</c> (ModelSpec JSON), <c>group</c> and/or <c>sourceDataset</c>, and the file <c>weights</c>.</summary>
    public async Task<BenchmarkModelInfo> PublishAsync(string tenant, HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.HasFormContentType)
        {
            throw ApiProblemException.BadRequest("not-multipart", "Publish a benchmark model as multipart/form-data: id, spec (JSON), group and/or sourceDataset, and the weights file.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var id = form["id"].ToString();
        if (!ModelId().IsMatch(id))
        {
            throw ApiProblemException.BadRequest("bad-model-id", "id must be 3-40 lower-case letters, digits or dashes.");
        }

        var spec = ParseSpec(form["spec"].ToString());
        var weights = form.Files.GetFile("weights") ?? throw ApiProblemException.BadRequest("bad-part", "The 'weights' file is missing (a model saved by TrainedModel.SaveAsync).");
        if (weights.Length is 0 or > MaxWeightsBytes)
        {
            throw ApiProblemException.BadRequest("bad-weights", $"The weights file must hold 1 byte to {MaxWeightsBytes >> 20} MiB.");
        }

        var (anchors, group) = await AnchorsAsync(form["group"].ToString());
        var source = form["sourceDataset"].ToString() is { Length: > 0 } sourceId ? (await datasets.GetAsync(tenant, sourceId, cancellationToken)).Id : null;
        if (group is null && source is null)
        {
            throw ApiProblemException.BadRequest("bad-benchmark", "Say which datasets the model serves: a 'group' id of the current grouping and/or a 'sourceDataset' it was trained on.");
        }

        if (await store.ReadBenchmarkAsync(id, cancellationToken) is not null)
        {
            throw ApiProblemException.Conflict("model-exists", $"A benchmark model '{id}' is already published.");
        }

        using var buffer = new MemoryStream();
        await using (var upload = weights.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
        }

        await CheckWeightsAsync(buffer, spec, cancellationToken);
        return await StoreAsync(tenant, id, spec, buffer, group, anchors, source, cancellationToken)
            ?? throw ApiProblemException.Conflict("model-exists", $"A benchmark model '{id}' is already published.");
    }

    /// <summary>
    /// Publishes a model the host trained (a group's virtual-dataset model): <paramref name="weights"/> as written by
    /// <see cref="TrainedModel.SaveAsync"/>; its spec is read from them. Null when <paramref name="id"/> is already published.
    /// </summary>
    public async Task<BenchmarkModelInfo?> PublishTrainedAsync(
        string tenant, string id, Stream weights, string group, IReadOnlyList<string> anchors, string sourceDataset, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await weights.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        ModelSpec spec;
        using (var model = await TrainedModel.LoadAsync(buffer, cancellationToken: cancellationToken))
        {
            spec = model.Module.Spec with { Head = [] };
        }

        return await StoreAsync(tenant, id, spec, buffer, group, anchors, sourceDataset, cancellationToken);
    }

    private async Task<BenchmarkModelInfo?> StoreAsync(
        string tenant, string id, ModelSpec spec, MemoryStream buffer, string? group, IReadOnlyList<string> anchors, string? source, CancellationToken cancellationToken)
    {
        var reference = artifacts.ModelRef("global", id, "weights");
        buffer.Position = 0;
        await artifacts.WriteAsync(reference, buffer, cancellationToken);
        var info = new BenchmarkModelInfo(id, spec, group, source, buffer.Length, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())), time.GetUtcNow());
        var sourceKey = source is null ? null : KnowledgeKeys.Dataset(tenant, source);
        if (!await store.WriteBenchmarkAsync(new BenchmarkModelRecord(info, reference, sourceKey, anchors), cancellationToken))
        {
            return null;
        }

        queue.EnqueueSweep(); // the embedding layout changed: vectors of the old feature set are re-extracted or widened
        return info;
    }

    public async Task<IReadOnlyList<BenchmarkModelInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListBenchmarksAsync(cancellationToken)).Select(r => r.Info).OrderBy(i => i.Id, StringComparer.Ordinal)];

    private static ModelSpec ParseSpec(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelSpec>(json, TrainingJson.Options) is { Backbone.Count: > 0 } spec
                ? spec
                : throw ApiProblemException.BadRequest("bad-spec", "spec must be a ModelSpec with a backbone.");
        }
        catch (JsonException ex)
        {
            throw ApiProblemException.BadRequest("bad-spec", $"spec is not a ModelSpec: {ex.Message}");
        }
    }

    private async Task<(IReadOnlyList<string> Anchors, string? Group)> AnchorsAsync(string group)
    {
        if (group.Length == 0)
        {
            return ([], null);
        }

        var current = (await grouping.SnapshotAsync()).Grouping;
        var found = current?.Groups.FirstOrDefault(g => g.Id == group)
            ?? throw ApiProblemException.BadRequest("bad-group", $"There is no group '{group}' in the current grouping (see GET /api/groups).");
        return (found.Members, found.Id);
    }

    private static async Task CheckWeightsAsync(MemoryStream buffer, ModelSpec spec, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        TrainedModel model;
        try
        {
            model = await TrainedModel.LoadAsync(buffer, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or JsonException or IOException or ArgumentException or OverflowException or System.Runtime.InteropServices.ExternalException)
        {
            throw ApiProblemException.BadRequest("bad-weights", $"The weights are not a saved Transfer model: {ex.Message}");
        }

        using (model)
        {
            if (!model.Module.Spec.HasSameBackbone(spec))
            {
                throw ApiProblemException.BadRequest("bad-weights", $"The weights' backbone ({model.Module.Spec}) is not the spec's ({spec}).");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,39}$")]
    private static partial Regex ModelId();
}
