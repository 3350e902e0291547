using Transfer.Contracts.Datasets;

namespace Transfer.Grains.Datasets;

/// <summary>One uploaded dataset, keyed <c>{tenant}/{dataset}</c>. Its state is written only after its blobs are stored and validated.</summary>
[Alias("transfer.dataset")]
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>The dataset, or null when it does not exist (or is being deleted).</summary>
    [ReadOnly]
    [Alias("get")]
    Task<DatasetInfo?> GetAsync();

    /// <summary>
    /// Records a validated, stored upload. Fails if the id is already taken. With <paramref name="entersKnowledgeBase"/>
    /// false (a dataset the host made, such as a group's virtual dataset) the knowledge base never extracts its meta-features.
    /// </summary>
    [Alias("commit")]
    Task CommitAsync(DatasetInfo info, bool entersKnowledgeBase = true);

    /// <summary>Whether the knowledge base may take the dataset in (false for datasets the host made for itself).</summary>
    [ReadOnly]
    [Alias("enters-knowledge-base")]
    Task<bool> EntersKnowledgeBaseAsync();

    /// <summary>Marks the dataset as being deleted and returns it, or null when there is nothing to delete.</summary>
    [Alias("begin-delete")]
    Task<DatasetInfo?> BeginDeleteAsync();

    /// <summary>Clears the state after the blobs are gone.</summary>
    [Alias("forget")]
    Task ForgetAsync();
}
