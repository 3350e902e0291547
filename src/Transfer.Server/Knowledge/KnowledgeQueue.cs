using System.Collections.Concurrent;
using System.Threading.Channels;
using Transfer.Contracts.Datasets;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The knowledge worker's queue (unbounded, one reader): request handlers only enqueue, so meta-features and clustering
/// never run on the request path. Items run in order, so a re-clustering queued after extractions sees their vectors.
/// A dataset is queued for extraction at most once at a time (a sweep may find it while its upload's item waits).
/// </summary>
public sealed class KnowledgeQueue
{
    private readonly Channel<KnowledgeWork> _channel = Channel.CreateUnbounded<KnowledgeWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _queuedExtractions = new(StringComparer.Ordinal);

    public ChannelReader<KnowledgeWork> Reader => _channel.Reader;

    /// <summary>Queues the meta-features of a dataset, unless its extraction is queued already; true when queued.</summary>
    public bool EnqueueExtraction(string tenant, DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var key = KnowledgeKeys.Dataset(tenant, dataset.Id);
        if (!_queuedExtractions.TryAdd(key, 0))
        {
            return false;
        }

        if (!_channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Extract, tenant, dataset)))
        {
            _queuedExtractions.TryRemove(key, out _);
            return false;
        }

        return true;
    }

    /// <summary>The worker took a dataset's extraction off the queue: a later request queues it again.</summary>
    public void Started(KnowledgeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work is { Kind: KnowledgeWorkKind.Extract, Tenant: { } tenant, Dataset: { } dataset })
        {
            _queuedExtractions.TryRemove(KnowledgeKeys.Dataset(tenant, dataset.Id), out _);
        }
    }

    /// <summary>Queues a re-clustering after whatever is queued already.</summary>
    public void EnqueueRecluster() => _channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Recluster));

    /// <summary>
    /// Queues a sweep for datasets without meta-features and for vectors of another feature set version than the
    /// current one (after a restart, or after a benchmark model was published and the embedding layout changed).
    /// </summary>
    public void EnqueueSweep() => _channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Sweep));
}
