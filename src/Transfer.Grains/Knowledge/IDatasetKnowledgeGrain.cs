using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <summary>
/// What the knowledge base knows of one dataset, keyed <c>{tenant}/{dataset}</c>: the status of its meta-features, the
/// vector and the group it was assigned when the vector was computed. The vector is also kept as a blob, so that
/// re-clustering lists blobs instead of calling every grain.
/// </summary>
[Alias("transfer.dataset-knowledge")]
public interface IDatasetKnowledgeGrain : IGrainWithStringKey
{
    /// <summary>The dataset's knowledge, or null when no extraction was ever queued for it.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<DatasetKnowledgeInfo?> GetAsync();

    /// <summary>Marks the extraction as queued.</summary>
    [Alias("pending")]
    Task MarkPendingAsync(DateTimeOffset at);

    /// <summary>Stores the computed vector, the group it fell in and the transfer scores measured with it (benchmark model id → score).</summary>
    [Alias("complete")]
    Task CompleteAsync(MetaFeatureVector vector, GroupAssignment? assignment, IReadOnlyDictionary<string, double>? transferScores, DateTimeOffset at);

    /// <summary>Records why the extraction failed.</summary>
    [Alias("fail")]
    Task FailAsync(string error, DateTimeOffset at);

    /// <summary>Forgets the dataset (it was deleted).</summary>
    [Alias("forget")]
    Task ForgetAsync();
}
