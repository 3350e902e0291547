using System.Collections.Concurrent;
using Transfer.MetaLearning.Features;
using Transfer.Storage;
using Transfer.Training.Probing;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The published image benchmark models as meta-feature probes: the embedding layout (one slot per model, ordered by
/// id) and each model's <see cref="BackboneProbe"/>, loaded once from its weights blob and kept in memory by id and
/// SHA-256 (a model id is published once, so the cache only grows with the published models).
/// </summary>
public sealed partial class BenchmarkBackbones(KnowledgeStore store, ArtifactStore artifacts, ILogger<BenchmarkBackbones> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BackboneProbe>>> _probes = new(StringComparer.Ordinal);

    /// <summary>The image benchmark models with their probes, ordered by id: what the embedding layout is made of.</summary>
    public async Task<IReadOnlyList<(BenchmarkModelRecord Model, BackboneProbe Probe)>> ImageModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = (await store.ListBenchmarksAsync(cancellationToken))
            .Where(m => m.Info.Spec.Input.IsImage)
            .OrderBy(m => m.Info.Id, StringComparer.Ordinal)
            .ToArray();
        var result = new List<(BenchmarkModelRecord, BackboneProbe)>(models.Length);
        foreach (var model in models)
        {
            result.Add((model, await ProbeAsync(model, cancellationToken)));
        }

        return result;
    }

    /// <summary>The current embedding layout: one slot per image benchmark model.</summary>
    public async Task<IReadOnlyList<EmbeddingSlot>> LayoutAsync(CancellationToken cancellationToken = default) =>
        [.. (await ImageModelsAsync(cancellationToken)).Select(p => new EmbeddingSlot(p.Model.Info.Id, p.Probe.Dimensions))];

    public void Dispose()
    {
        foreach (var probe in _probes.Values.Where(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully))
        {
            probe.Value.Result.Dispose();
        }
    }

    private async Task<BackboneProbe> ProbeAsync(BenchmarkModelRecord model, CancellationToken cancellationToken)
    {
        var key = $"{model.Info.Id}@{model.Info.Sha256}";
        var lazy = _probes.GetOrAdd(key, _ => new Lazy<Task<BackboneProbe>>(() => LoadAsync(model)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _probes.TryRemove(new KeyValuePair<string, Lazy<Task<BackboneProbe>>>(key, lazy)); // try again next time
            throw;
        }
    }

    private async Task<BackboneProbe> LoadAsync(BenchmarkModelRecord model)
    {
        // Not the caller's token: the load is shared by every caller that asks for this model.
        await using var weights = await artifacts.OpenReadAsync(model.WeightsBlob);
        var probe = await BackboneProbe.LoadAsync(weights);
        LogLoaded(logger, model.Info.Id, probe.Dimensions);
        return probe;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the backbone of benchmark model {Model} for meta-features ({Dimensions} embedding dimensions)")]
    private static partial void LogLoaded(ILogger logger, string model, int dimensions);
}
