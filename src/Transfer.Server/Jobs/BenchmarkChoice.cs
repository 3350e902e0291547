using Transfer.Contracts.Training;

namespace Transfer.Server.Jobs;

/// <summary>
/// The benchmark model a job fine-tunes from: its spec, weights blob reference and where it came from (the group), the
/// transfer score measured on the job's dataset (null when not measured) and why it was picked.
/// </summary>
public sealed record BenchmarkChoice(string ModelId, ModelSpec Spec, string WeightsBlob, string? Group, double? TransferScore = null, string? Reason = null);
