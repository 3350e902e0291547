using System.Net.Http.Headers;
using System.Text.Json;
using Transfer.Client.Internal;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Training;

namespace Transfer.Client.Knowledge;

/// <summary>
/// The knowledge base: datasets' meta-features and groups, benchmark models, recommended configurations; for admins,
/// publishing benchmark models, importing tuning histories and re-clustering. Get one from <see cref="TransferClient.Knowledge"/>.
/// </summary>
public class KnowledgeClient
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly IKnowledgeApi _api = null!;

    internal KnowledgeClient(IKnowledgeApi api)
    {
        _api = api;
    }

    /// <summary>For mocking.</summary>
    protected KnowledgeClient()
    {
    }

    /// <summary>A dataset's meta-features: pending until the server computed them in the background, then the vector and its group.</summary>
    public virtual Task<DatasetKnowledgeInfo> GetMetaFeaturesAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        return _api.GetMetaFeaturesAsync(datasetId, cancellationToken);
    }

    /// <summary>The current virtual dataset groups (ids, kinds, member counts, benchmark models).</summary>
    public virtual Task<GroupsInfo> GetGroupsAsync(CancellationToken cancellationToken = default) => _api.GetGroupsAsync(cancellationToken);

    public virtual async Task<IReadOnlyList<BenchmarkModelInfo>> ListBenchmarkModelsAsync(CancellationToken cancellationToken = default) =>
        await _api.ListBenchmarkModelsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The best configurations of the nearest past datasets for one of the caller's datasets (its meta-features must be ready).</summary>
    public virtual Task<Recommendations> RecommendForDatasetAsync(string datasetId, int count = 5, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        return _api.RecommendAsync(new RecommendationRequest(DatasetId: datasetId, Count: count), cancellationToken);
    }

    /// <summary>Recommendations for a raw meta-feature vector of the server's feature set.</summary>
    public virtual Task<Recommendations> RecommendForVectorAsync(MetaFeatureVector metaFeatures, string? kind = null, int count = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metaFeatures);
        return _api.RecommendAsync(new RecommendationRequest(MetaFeatures: metaFeatures, Kind: kind, Count: count), cancellationToken);
    }

    /// <summary>
    /// Publishes a benchmark model (admin): <paramref name="weights"/> as written by the training library's
    /// <c>TrainedModel.SaveAsync</c>, serving the group <paramref name="group"/> and/or the group of <paramref name="sourceDataset"/>.
    /// </summary>
    public virtual async Task<BenchmarkModelInfo> PublishBenchmarkModelAsync(
        string id,
        ModelSpec spec,
        Stream weights,
        string? group = null,
        string? sourceDataset = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(id), "id" },
            { new StringContent(JsonSerializer.Serialize(spec, _json)), "spec" },
        };
        if (group is not null)
        {
            form.Add(new StringContent(group), "group");
        }

        if (sourceDataset is not null)
        {
            form.Add(new StringContent(sourceDataset), "sourceDataset");
        }

        var file = new StreamContent(weights);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "weights", "weights.bin");
        return await _api.PublishBenchmarkModelAsync(form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a tuning history on one of the caller's datasets (admin); idempotent by the history's id.</summary>
    public virtual Task<HistoryImportResult> ImportHistoryAsync(TuningHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        return _api.ImportHistoryAsync(history, cancellationToken);
    }

    /// <summary>
    /// Asks the server to train a benchmark model for a group on the group's virtual dataset (its image datasets of the
    /// caller's tenant together) and publish it when done (admin). Returns at once; follow it with
    /// <see cref="GetGroupBenchmarkTrainingAsync"/> or <see cref="WaitForGroupBenchmarkTrainingAsync"/>.
    /// </summary>
    public virtual Task<GroupBenchmarkTraining> TrainGroupBenchmarkModelAsync(string groupId, GroupBenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        ArgumentNullException.ThrowIfNull(request);
        return _api.TrainGroupBenchmarkModelAsync(groupId, request, cancellationToken);
    }

    /// <summary>Where a group benchmark model's training stands (admin).</summary>
    public virtual Task<GroupBenchmarkTraining> GetGroupBenchmarkTrainingAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return _api.GetGroupBenchmarkTrainingAsync(modelId, cancellationToken);
    }

    /// <summary>Polls a group benchmark model's training until it is published or failed.</summary>
    public virtual async Task<GroupBenchmarkTraining> WaitForGroupBenchmarkTrainingAsync(string modelId, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var training = await GetGroupBenchmarkTrainingAsync(modelId, cancellationToken).ConfigureAwait(false);
            if (training.Status != GroupBenchmarkStatus.Training)
            {
                return training;
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the server to re-cluster the knowledge base in the background (admin).</summary>
    public virtual Task RequestReclusterAsync(CancellationToken cancellationToken = default) => _api.ReclusterAsync(cancellationToken);
}
