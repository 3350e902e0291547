using Refit;
using Transfer.Contracts.Knowledge;

namespace Transfer.Client.Internal;

/// <summary>The knowledge base routes of the HTTP API, as Refit sees them.</summary>
internal interface IKnowledgeApi
{
    [Get("/api/datasets/{id}/meta-features")]
    Task<DatasetKnowledgeInfo> GetMetaFeaturesAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/groups")]
    Task<GroupsInfo> GetGroupsAsync(CancellationToken cancellationToken = default);

    [Get("/api/benchmark-models")]
    Task<List<BenchmarkModelInfo>> ListBenchmarkModelsAsync(CancellationToken cancellationToken = default);

    [Post("/api/recommendations")]
    Task<Recommendations> RecommendAsync([Body] RecommendationRequest request, CancellationToken cancellationToken = default);

    [Post("/api/admin/benchmark-models")]
    Task<BenchmarkModelInfo> PublishBenchmarkModelAsync([Body] HttpContent form, CancellationToken cancellationToken = default);

    [Post("/api/admin/knowledge/histories")]
    Task<HistoryImportResult> ImportHistoryAsync([Body] TuningHistory history, CancellationToken cancellationToken = default);

    [Post("/api/admin/groups/{groupId}/benchmark-model")]
    Task<GroupBenchmarkTraining> TrainGroupBenchmarkModelAsync(string groupId, [Body] GroupBenchmarkRequest request, CancellationToken cancellationToken = default);

    [Get("/api/admin/benchmark-trainings/{modelId}")]
    Task<GroupBenchmarkTraining> GetGroupBenchmarkTrainingAsync(string modelId, CancellationToken cancellationToken = default);

    [Post("/api/admin/knowledge/recluster")]
    Task ReclusterAsync(CancellationToken cancellationToken = default);
}
