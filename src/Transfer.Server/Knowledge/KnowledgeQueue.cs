using System.Threading.Channels;
using Transfer.Contracts.Datasets;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The knowledge worker's queue (unbounded, one reader): request handlers only enqueue, so meta-features and clustering
/// never run on the request path. Items run in order, so a re-clustering queued after extractions sees their vectors.
/// </summary>
public sealed class KnowledgeQueue
{
    private readonly Channel<KnowledgeWork> _channel = Channel.CreateUnbounded<KnowledgeWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<KnowledgeWork> Reader => _channel.Reader;

    /// <summary>Queues the meta-features of a freshly committed dataset.</summary>
    public void EnqueueExtraction(string tenant, DatasetInfo dataset) =>
        _channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Extract, tenant, dataset));

    /// <summary>Queues a re-clustering after whatever is queued already.</summary>
    public void EnqueueRecluster() => _channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Recluster));

    /// <summary>Queues a sweep for datasets without meta-features.</summary>
    public void EnqueueSweep() => _channel.Writer.TryWrite(new KnowledgeWork(KnowledgeWorkKind.Sweep));
}
