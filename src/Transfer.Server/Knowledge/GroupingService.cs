using Microsoft.Extensions.Options;
using Transfer.Contracts.Knowledge;
using Transfer.Grains.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Groups;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Re-clusters the knowledge base from the stored vector blobs (the most common feature set version) and stores the
/// grouping in the global <see cref="IGroupDirectoryGrain"/>; assigns datasets from the cached grouping.
/// </summary>
public sealed partial class GroupingService(KnowledgeStore store, IGrainFactory grains, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<GroupingService> logger)
{
    private (long At, GroupDirectorySnapshot Snapshot)? _cached;

    /// <summary>The global directory grain: written by re-clustering; reads on the request path go through <see cref="SnapshotAsync"/>.</summary>
    public IGroupDirectoryGrain Directory => grains.GetGrain<IGroupDirectoryGrain>(IGroupDirectoryGrain.Global);

    /// <summary>
    /// The current grouping as this silo last read it: at most <see cref="KnowledgeOptions.GroupsCacheSeconds"/> old, so
    /// requests do not all pass through the one directory grain (it sees one read per silo per interval).
    /// </summary>
    public async Task<GroupDirectorySnapshot> SnapshotAsync()
    {
        var now = time.GetTimestamp();
        if (_cached is { } cached && time.GetElapsedTime(cached.At, now).TotalSeconds < options.Value.GroupsCacheSeconds)
        {
            return cached.Snapshot;
        }

        var snapshot = await Directory.GetAsync();
        _cached = (now, snapshot);
        return snapshot;
    }

    public async Task<DatasetGrouping?> ReclusterAsync(CancellationToken cancellationToken = default)
    {
        var vectors = await store.ListVectorsAsync(cancellationToken);
        // Mid-way through a re-extraction the vectors are of two layouts: cluster them all in the one most carry over to.
        var projected = MetaFeatureProjection.ToCommonLayout([.. vectors.Select(v => v.Vector)]);
        var datasets = vectors
            .Select((v, i) => projected[i] is { } vector ? new DatasetMetaFeatures(v.Key, vector) : null)
            .OfType<DatasetMetaFeatures>()
            .ToArray();
        if (datasets.Length == 0)
        {
            return null;
        }

        var grouping = await Task.Run(() => new DatasetGrouper().Fit(datasets, options.Value.GroupingSeed, cancellationToken), cancellationToken);
        await Directory.SetAsync(grouping, datasets.Length, time.GetUtcNow());
        _cached = null; // this silo sees its own re-clustering at once
        LogClustered(logger, datasets.Length, grouping.Groups.Count, grouping.Silhouette);
        return grouping;
    }

    /// <summary>The dataset's group under the current grouping (see <see cref="GroupResolver.Resolve"/>).</summary>
    public async Task<GroupAssignment?> AssignAsync(string key, MetaFeatureVector vector) =>
        GroupResolver.Resolve((await SnapshotAsync()).Grouping, key, vector);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-clustered the knowledge base: {Datasets} datasets in {Groups} groups (silhouette {Silhouette:F3})")]
    private static partial void LogClustered(ILogger logger, int datasets, int groups, double silhouette);
}
