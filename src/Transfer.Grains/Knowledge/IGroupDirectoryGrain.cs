using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <summary>
/// The last grouping of the knowledge base (keyed <c>global</c>): small (centroids, scaling, member ids), so every silo
/// can assign new datasets from it without re-clustering. Re-clustering runs in the host's background worker, never
/// inside this grain; the grain counts the datasets that arrived since, so the worker knows when to re-cluster.
/// </summary>
[Alias("transfer.group-directory")]
public interface IGroupDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The grain key of the cross-tenant directory.</summary>
    public const string Global = "global";

    [ReadOnly]
    [Alias("get")]
    Task<GroupDirectorySnapshot> GetAsync();

    /// <summary>Counts one more dataset with meta-features; returns how many arrived since the last clustering.</summary>
    [Alias("note-dataset")]
    Task<int> NoteDatasetAsync();

    /// <summary>Stores a new grouping of <paramref name="datasets"/> datasets and resets the count of new ones.</summary>
    [Alias("set")]
    Task SetAsync(DatasetGrouping grouping, int datasets, DateTimeOffset at);
}
