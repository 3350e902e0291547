using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Transfer.Storage;

/// <summary>
/// Dataset parts in blob storage at <c>{tenant}/{dataset}/{part}</c>. Uploads stream in bounded blocks (never the whole
/// file in memory), are hashed on the way, and are create-only: a part is never overwritten.
/// </summary>
public sealed class DatasetBlobStore(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.DatasetsContainer);
    private readonly StorageOptions _options = options.Value;

    public static string Prefix(string tenant, string dataset) => $"{tenant}/{dataset}/";

    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Streams <paramref name="content"/> into a new blob; throws <see cref="PayloadTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public async Task<StoredBlob> UploadAsync(string tenant, string dataset, string part, Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        var name = Prefix(tenant, dataset) + part;
        using var hashing = new HashingReadStream(content, maxBytes);
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new Azure.Storage.StorageTransferOptions
            {
                InitialTransferSize = _options.UploadBlockBytes,
                MaximumTransferSize = _options.UploadBlockBytes,
                MaximumConcurrency = 2,
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        };
        var response = await _container.GetBlobClient(name).UploadAsync(hashing, upload, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(name, hashing.BytesRead, hashing.HashHex(), response.Value.ETag.ToString());
    }

    /// <summary>Opens a part for streamed, seekable reading.</summary>
    public async Task<Stream> OpenReadAsync(string tenant, string dataset, string part, CancellationToken cancellationToken = default) =>
        await _container.GetBlobClient(Prefix(tenant, dataset) + part).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes every blob of a dataset (idempotent).</summary>
    public async Task DeleteAsync(string tenant, string dataset, CancellationToken cancellationToken = default)
    {
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(tenant, dataset) }, cancellationToken).ConfigureAwait(false))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Names of every blob under a dataset's prefix (for tests and repair tools).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string tenant, string? dataset = null, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        var prefix = dataset is null ? $"{tenant}/" : Prefix(tenant, dataset);
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>One page of the tenant's dataset ids (one per folder), in name order.</summary>
    public async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListDatasetIdsAsync(string tenant, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var pages = _container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = $"{tenant}/", Delimiter = "/" }, cancellationToken)
            .AsPages(continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var ids = page.Values.Where(v => v.IsPrefix).Select(v => v.Prefix[(tenant.Length + 1)..].TrimEnd('/')).ToArray();
            return (ids, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Answers when the blob service does (readiness).</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default) =>
        await service.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
}
