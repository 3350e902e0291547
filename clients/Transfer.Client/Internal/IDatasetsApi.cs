using Refit;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Internal;

/// <summary>The datasets routes of the HTTP API, as Refit sees them.</summary>
internal interface IDatasetsApi
{
    /// <summary>The multipart form is built by <see cref="UploadContent"/> so that its parts keep the order the server reads them in.</summary>
    [Post("/api/datasets")]
    Task<DatasetInfo> UploadAsync([Body] HttpContent form, CancellationToken cancellationToken = default);

    [Get("/api/datasets")]
    Task<Page<DatasetInfo>> ListAsync(
        [AliasAs("pageSize")] int? pageSize,
        [AliasAs("continuationToken")] string? continuationToken,
        CancellationToken cancellationToken = default);

    [Get("/api/datasets/{id}")]
    Task<DatasetInfo> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Streamed: the body is read as the caller reads the returned stream.</summary>
    [Get("/api/datasets/{id}/parts/{part}")]
    Task<Stream> OpenPartAsync(string id, string part, CancellationToken cancellationToken = default);

    [Delete("/api/datasets/{id}")]
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
