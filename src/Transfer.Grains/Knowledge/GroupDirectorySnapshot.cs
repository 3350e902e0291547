using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <summary>The group directory's content: the grouping (null before the first clustering) and its bookkeeping.</summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.group-directory-snapshot")]
public sealed record GroupDirectorySnapshot(
    [property: Id(0)] DatasetGrouping? Grouping,
    [property: Id(1)] int Datasets,
    [property: Id(2)] DateTimeOffset? ClusteredAt,
    [property: Id(3)] int NewSinceClustering);
