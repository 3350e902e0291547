using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The blob <c>benchmark-models/{id}.json</c>: a published benchmark model, its weights blob reference, and the datasets
/// (knowledge keys) that tie it to a group: the source dataset and the members of the group it was published for.
/// </summary>
public sealed record BenchmarkModelRecord(BenchmarkModelInfo Info, string WeightsBlob, string? SourceKey, IReadOnlyList<string> Anchors);
