using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>What <see cref="TransferClient.AutoTrainAsync"/> produced: the uploaded dataset, the finished job, its trials, and the model id (null when no trial scored).</summary>
public sealed record AutoTrainResult(DatasetInfo Dataset, JobInfo Job, IReadOnlyList<TrialInfo> Trials)
{
    public string? ModelId => Job.ModelId;
}
