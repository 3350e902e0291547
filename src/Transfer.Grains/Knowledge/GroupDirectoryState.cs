using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <summary>Persisted state of <see cref="GroupDirectoryGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.group-directory-state")]
public sealed class GroupDirectoryState
{
    [Id(0)]
    public DatasetGrouping? Grouping { get; set; }

    [Id(1)]
    public int Datasets { get; set; }

    [Id(2)]
    public DateTimeOffset? ClusteredAt { get; set; }

    [Id(3)]
    public int NewSinceClustering { get; set; }
}
