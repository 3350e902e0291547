using Refit;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Workers;

namespace Transfer.Client.Internal;

/// <summary>The models and workers routes of the HTTP API, as Refit sees them.</summary>
internal interface IModelsApi
{
    /// <summary>Streamed: the body is read as the caller reads the returned stream.</summary>
    [Get("/api/models/{id}/content")]
    Task<Stream> OpenAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/models/{id}/predict")]
    Task<PredictionResult> PredictAsync(string id, [Body] HttpContent form, CancellationToken cancellationToken = default);

    [Post("/api/jobs/{id}/trials/{trial}/predict")]
    Task<PredictionResult> PredictTrialAsync(string id, int trial, [Body] HttpContent form, CancellationToken cancellationToken = default);

    [Get("/api/workers")]
    Task<IReadOnlyList<WorkerInfo>> WorkersAsync(CancellationToken cancellationToken = default);
}
