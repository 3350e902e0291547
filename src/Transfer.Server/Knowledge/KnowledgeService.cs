using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Knowledge;
using Transfer.Grains.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.Server.Datasets;
using Transfer.Server.Options;
using Transfer.Server.Problems;

namespace Transfer.Server.Knowledge;

/// <summary>The knowledge API's operations: a dataset's meta-features, the groups, recommendations, history import, re-clustering.</summary>
public sealed partial class KnowledgeService(
    DatasetService datasets,
    KnowledgeStore store,
    KnowledgeIndex index,
    KnowledgeQueue queue,
    GroupingService grouping,
    MetaFeatureService features,
    IGrainFactory grains,
    IOptions<BootstrapOptions> bootstrap,
    TimeProvider time)
{
    /// <summary>Status and vector of a dataset's meta-features; its group under the current grouping.</summary>
    public async Task<DatasetKnowledgeInfo> GetMetaFeaturesAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var dataset = await datasets.GetAsync(tenant, id, cancellationToken);
        var key = KnowledgeKeys.Dataset(tenant, id);
        var known = await grains.GetGrain<IDatasetKnowledgeGrain>(key).GetAsync();
        if (known is null)
        {
            return new DatasetKnowledgeInfo(id, DatasetKnowledgeStatus.Pending, null, null, null, dataset.CreatedAt);
        }

        return known.MetaFeatures is { } vector ? known with { Group = await grouping.AssignAsync(key, vector) ?? known.Group } : known;
    }

    /// <summary>
    /// Takes a deleted dataset's meta-features out of the knowledge base (vector blob and grain) and re-clusters in the
    /// background. Trials recorded on it stay stored but no longer count: the index joins trials to vectors.
    /// </summary>
    public async Task ForgetDatasetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        await store.DeleteVectorAsync(tenant, id, cancellationToken);
        await grains.GetGrain<IDatasetKnowledgeGrain>(KnowledgeKeys.Dataset(tenant, id)).ForgetAsync();
        queue.EnqueueRecluster();
    }

    public async Task<GroupsInfo> GetGroupsAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await grouping.SnapshotAsync();
        var version = await features.CurrentVersionAsync(cancellationToken);
        if (snapshot.Grouping is not { } current)
        {
            return new GroupsInfo(null, 0, 0, null, [], version);
        }

        var models = await store.ListBenchmarksAsync(cancellationToken);
        return new GroupsInfo(
            current.FeatureSetVersion,
            snapshot.Datasets,
            current.Silhouette,
            snapshot.ClusteredAt,
            [.. current.Groups.Select(g => new GroupInfo(g.Id, g.Kind, g.Members.Count, g.Radius, g.Threshold, GroupResolver.BenchmarkFor(g, models, m => m.Info.Spec.Input.IsImage == (g.Kind == DatasetGroup.ImageKind))?.Info.Id))],
            version);
    }

    public async Task<Recommendations> RecommendAsync(string tenant, RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Count is < 1 or > 50)
        {
            throw ApiProblemException.BadRequest("bad-count", "count must be between 1 and 50.");
        }

        MetaFeatureVector vector;
        if (request.DatasetId is { Length: > 0 } id)
        {
            var known = await GetMetaFeaturesAsync(tenant, id, cancellationToken);
            vector = known.MetaFeatures ?? throw ApiProblemException.Conflict(
                "meta-features-not-ready", $"The meta-features of dataset '{id}' are {known.Status.ToString().ToLowerInvariant()}{(known.Error is null ? "" : $" ({known.Error})")}; ask again when they are ready.");
        }
        else if (request.MetaFeatures is { } given)
        {
            if (given.Names.Count != given.Values.Count || given.Values.Any(v => !double.IsFinite(v)))
            {
                throw ApiProblemException.BadRequest("bad-meta-features", "metaFeatures needs one finite value per name.");
            }

            vector = given;
        }
        else
        {
            throw ApiProblemException.BadRequest("bad-recommendation", "Give datasetId (one of your datasets) or metaFeatures (a vector, with kind).");
        }

        var isImage = vector.Names.Contains("kind_image") && vector["kind_image"] > 0.5;
        if (request.Kind is { } kind && kind != (isImage ? DatasetGroup.ImageKind : DatasetGroup.TabularKind))
        {
            throw ApiProblemException.BadRequest("bad-kind", $"kind '{kind}' does not match the vector's kind_image ({(isImage ? 1 : 0)}).");
        }

        var recommender = await index.GetAsync(cancellationToken);
        if (recommender is null)
        {
            return new Recommendations([], []);
        }

        // A vector of another embedding layout of the same feature set is projected by name (the knowledge base may be
        // moving to a new layout after a benchmark model was published); any other version is refused.
        var query = MetaFeatureProjection.TryProject(vector, recommender.Scaling)
            ?? throw ApiProblemException.BadRequest("bad-meta-features", $"The vector is of feature set '{vector.FeatureSetVersion}'; the knowledge base holds '{recommender.Scaling.FeatureSetVersion}'.");
        return new ProvenanceLabels(tenant, bootstrap.Value.AdminTenant).Apply(recommender.Recommend(query, request.Count));
    }

    /// <summary>Imports a history on one of the caller's datasets; a second import with the same id changes nothing.</summary>
    public async Task<HistoryImportResult> ImportHistoryAsync(string tenant, TuningHistory history, CancellationToken cancellationToken = default)
    {
        if (history.Id is null || !HistoryId().IsMatch(history.Id))
        {
            throw ApiProblemException.BadRequest("bad-history", "id must be 3-80 lower-case letters, digits, dots or dashes.");
        }

        if (history.Trials is not { Count: > 0 } trials || trials.Any(t => t.Configuration is null || !double.IsFinite(t.Score) || string.IsNullOrEmpty(t.TrialId)))
        {
            throw ApiProblemException.BadRequest("bad-history", "A history needs trials, each with a trialId, a configuration and a finite score.");
        }

        if (trials.Any(t => ConfigurationJson.FromJson(t.Configuration) is null))
        {
            throw ApiProblemException.BadRequest("bad-history", "Configuration values must be numbers, strings, or a list of head layers.");
        }

        var dataset = await datasets.GetAsync(tenant, history.DatasetId, cancellationToken);
        var imported = await store.WriteTrialsAsync(new StoredTrials(tenant, dataset.Id, "history-" + history.Id, trials, time.GetUtcNow()), createOnly: true, cancellationToken);
        return new HistoryImportResult(history.Id, imported, trials.Count);
    }

    /// <summary>Queues a re-clustering after whatever the knowledge worker has queued.</summary>
    public void RequestRecluster() => queue.EnqueueRecluster();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{2,79}$")]
    private static partial Regex HistoryId();
}
