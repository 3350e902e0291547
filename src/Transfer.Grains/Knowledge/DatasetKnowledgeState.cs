using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <summary>Persisted state of <see cref="DatasetKnowledgeGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.dataset-knowledge-state")]
public sealed class DatasetKnowledgeState
{
    [Id(0)]
    public DatasetKnowledgeStatus? Status { get; set; }

    [Id(1)]
    public MetaFeatureVector? Vector { get; set; }

    [Id(2)]
    public GroupAssignment? Assignment { get; set; }

    [Id(3)]
    public string? Error { get; set; }

    [Id(4)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Benchmark model id → transfer score measured on the dataset with its meta-features.</summary>
    [Id(5)]
    public Dictionary<string, double>? TransferScores { get; set; }
}
