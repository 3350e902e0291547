using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Server.Knowledge;

/// <summary>What jobs ask of the knowledge base, and what they give back to it.</summary>
public interface IKnowledgeBase
{
    /// <summary>
    /// The benchmark model and recommended configurations for a job on <paramref name="dataset"/>. Never throws for want of
    /// knowledge: an empty knowledge base, meta-features not ready in time, or any failure give <see cref="KnowledgeAdvice.None"/>.
    /// </summary>
    Task<KnowledgeAdvice> AdviseAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken = default);

    /// <summary>Stores a finished job's trials (one blob per job, replaced when the job finishes again).</summary>
    Task RecordTrialsAsync(string tenant, string jobId, DatasetInfo dataset, IReadOnlyList<TrialInfo> trials, CancellationToken cancellationToken = default);
}
