using Transfer.Contracts.Datasets;

namespace Transfer.Grains.Datasets;

/// <summary>Persisted state of <see cref="DatasetGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.dataset-state")]
public sealed class DatasetState
{
    [Id(0)]
    public DatasetInfo? Info { get; set; }
}
