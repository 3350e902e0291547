using Transfer.Contracts.Training;

namespace Transfer.Server.Jobs;

/// <summary>The benchmark model a job fine-tunes from: its spec, weights blob reference and where it came from.</summary>
public sealed record BenchmarkChoice(string ModelId, ModelSpec Spec, string WeightsBlob, string? Group);
