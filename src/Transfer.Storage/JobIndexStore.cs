using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Transfer.Storage;

/// <summary>
/// The list of a tenant's jobs as empty marker blobs <c>jobs/{tenant}/{job}</c>, so listing reads storage (paged, in name
/// order) instead of passing through one registry grain.
/// </summary>
public sealed class JobIndexStore(BlobServiceClient service)
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient("jobs");

    public async Task AddAsync(string tenant, string job, CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _container.GetBlobClient($"{tenant}/{job}").UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string tenant, string job, CancellationToken cancellationToken = default) =>
        await _container.DeleteBlobIfExistsAsync($"{tenant}/{job}", cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListAsync(string tenant, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (!(await _container.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
        {
            return ([], null);
        }

        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{tenant}/" }, cancellationToken).AsPages(continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            return ([.. page.Values.Select(b => b.Name[(tenant.Length + 1)..])], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }
}
