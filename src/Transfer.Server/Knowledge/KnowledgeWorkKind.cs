namespace Transfer.Server.Knowledge;

/// <summary>What the knowledge worker does with a queued item.</summary>
public enum KnowledgeWorkKind
{
    /// <summary>Compute a committed dataset's meta-features and assign its group.</summary>
    Extract,

    /// <summary>Re-cluster the knowledge base from the stored vectors.</summary>
    Recluster,

    /// <summary>Queue the extraction of every stored dataset that has no vector yet (after a restart).</summary>
    Sweep,
}
