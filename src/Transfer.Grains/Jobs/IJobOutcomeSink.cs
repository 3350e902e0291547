using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>Where a finished job's trials go so the knowledge base learns from them (implemented by the host's knowledge base).</summary>
public interface IJobOutcomeSink
{
    Task RecordAsync(string tenant, string jobId, DatasetInfo dataset, IReadOnlyList<TrialInfo> trials, CancellationToken cancellationToken = default);
}
