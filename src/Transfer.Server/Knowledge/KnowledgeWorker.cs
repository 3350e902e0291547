using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Transfer.Grains.Datasets;
using Transfer.Grains.Knowledge;
using Transfer.Server.Datasets;
using Transfer.Server.Options;
using Transfer.Storage;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Runs the knowledge queue in the background, one item at a time: computes a committed dataset's meta-features, stores
/// the vector (blob + grain) with its group under the cached grouping, and re-clusters once enough new datasets arrived
/// (or there is no grouping yet). A sweep (on start, and whenever a benchmark model is published) queues the stored
/// datasets that have no vector (a restart lost the queue) and brings the vectors of another feature set version than
/// the current embedding layout's up to date, then re-clusters: a vector whose missing embedding slots are zero by
/// definition (tables; images the new model does not take) is widened in place, any other is re-extracted. Until then
/// grouping and recommendations run on the most common version, and vectors of the new one are projected onto it by name.
/// </summary>
public sealed partial class KnowledgeWorker(
    KnowledgeQueue queue,
    MetaFeatureService features,
    GroupingService grouping,
    KnowledgeStore store,
    BlobServiceClient blobs,
    IGrainFactory grains,
    IOptions<KnowledgeOptions> options,
    IOptions<StorageOptions> storage,
    IOptions<TransferOptions> transfer,
    TimeProvider time,
    ILogger<KnowledgeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transfer.Value.ServesApi)
        {
            return;
        }

        queue.EnqueueSweep();
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            queue.Started(work);
            try
            {
                switch (work.Kind)
                {
                    case KnowledgeWorkKind.Extract:
                        await ExtractAsync(work.Tenant!, work.Dataset!, stoppingToken);
                        break;
                    case KnowledgeWorkKind.Recluster:
                        await grouping.ReclusterAsync(stoppingToken);
                        break;
                    default:
                        await SweepAsync(stoppingToken);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWorkFailed(logger, ex, work.Kind, work.Tenant, work.Dataset?.Id);
            }
        }
    }

    private async Task ExtractAsync(string tenant, Transfer.Contracts.Datasets.DatasetInfo dataset, CancellationToken cancellationToken)
    {
        var key = KnowledgeKeys.Dataset(tenant, dataset.Id);
        var grain = grains.GetGrain<IDatasetKnowledgeGrain>(key);
        await grain.MarkPendingAsync(time.GetUtcNow());
        try
        {
            var (vector, scores) = await features.ExtractAsync(tenant, dataset, cancellationToken);
            if (await grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(tenant, dataset.Id)).GetAsync() is null)
            {
                await grain.ForgetAsync(); // deleted while its features were computed
                return;
            }

            await store.WriteVectorAsync(new StoredVector(tenant, dataset.Id, dataset.Name, vector, time.GetUtcNow()), cancellationToken);
            await grain.CompleteAsync(vector, await grouping.AssignAsync(key, vector), scores, time.GetUtcNow());
            LogExtracted(logger, tenant, dataset.Id, vector.Values.Count);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            await grain.FailAsync($"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow());
            throw;
        }

        var fresh = await grouping.Directory.NoteDatasetAsync();
        if (fresh >= options.Value.ReclusterEvery || (await grouping.Directory.GetAsync()).Grouping is null)
        {
            await grouping.ReclusterAsync(cancellationToken);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var vectors = await store.ListVectorsAsync(cancellationToken);
        var known = vectors.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        // Group virtual datasets stay out of the knowledge base: they are unions of datasets it already holds. Their dataset
        // grains say so (EntersKnowledgeBaseAsync, below); the training records cover those stored before the grains did.
        known.UnionWith((await store.ListGroupBenchmarksAsync(cancellationToken)).Select(g => KnowledgeKeys.Dataset(g.Tenant, g.Training.DatasetId)));
        var current = await features.CurrentVersionAsync(cancellationToken);
        var (widened, stale) = (0, 0);
        foreach (var vector in vectors.Where(v => v.Vector.FeatureSetVersion != current))
        {
            if (await grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(vector.Tenant, vector.Dataset)).GetAsync() is not { } info)
            {
                continue;
            }

            if (await features.TryUpgradeAsync(info, vector.Vector, cancellationToken) is { } upgraded)
            {
                await WidenAsync(vector, upgraded, cancellationToken);
                widened++;
            }
            else
            {
                stale += queue.EnqueueExtraction(vector.Tenant, info) ? 1 : 0;
            }
        }

        if (widened + stale > 0)
        {
            LogLayoutChanged(logger, widened, stale, current);
            queue.EnqueueRecluster(); // after the re-extractions: the grouping moves to the current version
        }

        var container = blobs.GetBlobContainerClient(storage.Value.DatasetsContainer);
        if (!(await container.ExistsAsync(cancellationToken)).Value)
        {
            return;
        }

        await foreach (var tenant in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/" }, cancellationToken))
        {
            if (!tenant.IsPrefix)
            {
                continue;
            }

            var tenantId = tenant.Prefix.TrimEnd('/');
            await foreach (var dataset in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = tenant.Prefix, Delimiter = "/" }, cancellationToken))
            {
                var datasetId = dataset.Prefix?.TrimEnd('/')[(tenant.Prefix.Length)..];
                if (datasetId is null || known.Contains(KnowledgeKeys.Dataset(tenantId, datasetId)))
                {
                    continue;
                }

                var grain = grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(tenantId, datasetId));
                if (await grain.GetAsync() is { } info && await grain.EntersKnowledgeBaseAsync())
                {
                    queue.EnqueueExtraction(tenantId, info);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meta-features of {Tenant}/{Dataset}: {Count} values")]
    private static partial void LogExtracted(ILogger logger, string tenant, string dataset, int count);

    /// <summary>Stores a vector carried over to the current layout (blob and grain; the transfer scores stay).</summary>
    private async Task WidenAsync(StoredVector stale, Contracts.Knowledge.MetaFeatureVector upgraded, CancellationToken cancellationToken)
    {
        await store.WriteVectorAsync(stale with { Vector = upgraded, At = time.GetUtcNow() }, cancellationToken);
        var grain = grains.GetGrain<IDatasetKnowledgeGrain>(stale.Key);
        var known = await grain.GetAsync();
        await grain.CompleteAsync(upgraded, await grouping.AssignAsync(stale.Key, upgraded), known?.TransferScores, time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meta-feature layout is now {Version}: {Widened} vectors widened in place, {Stale} queued for re-extraction")]
    private static partial void LogLayoutChanged(ILogger logger, int widened, int stale, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge work {Kind} failed ({Tenant}/{Dataset})")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, KnowledgeWorkKind kind, string? tenant, string? dataset);
}
