using Transfer.Contracts.Datasets;

namespace Transfer.Grains.Datasets;

/// <summary>Persisted state of <see cref="DatasetGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.dataset-state")]
public sealed class DatasetState
{
    [Id(0)]
    public DatasetInfo? Info { get; set; }

    /// <summary>Set for datasets the host made for itself (a group's virtual dataset): the knowledge base leaves them out.</summary>
    [Id(1)]
    public bool OutsideKnowledgeBase { get; set; }
}
