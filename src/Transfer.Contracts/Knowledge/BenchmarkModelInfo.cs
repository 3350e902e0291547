using Transfer.Contracts.Training;

namespace Transfer.Contracts.Knowledge;

/// <summary>
/// A benchmark model published by an admin: pretrained weights that jobs on the datasets of its group fine-tune from.
/// </summary>
/// <param name="Id">Model id: 3-40 lower-case letters, digits or dashes.</param>
/// <param name="Spec">The network the weights belong to (its backbone is what transfers).</param>
/// <param name="Group">The group id it was published for (as of that grouping), if one was given.</param>
/// <param name="SourceDataset">The dataset (of the publishing tenant) it was trained on, if given: the model serves whatever group that dataset is in.</param>
/// <param name="SizeBytes">Size of the weights file.</param>
/// <param name="Sha256">SHA-256 of the weights file (hex).</param>
/// <param name="CreatedAt">When it was published.</param>
public sealed record BenchmarkModelInfo(
    string Id,
    ModelSpec Spec,
    string? Group,
    string? SourceDataset,
    long SizeBytes,
    string Sha256,
    DateTimeOffset CreatedAt);
