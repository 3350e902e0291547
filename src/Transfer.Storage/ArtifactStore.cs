using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Transfer.Storage;

/// <summary>
/// Trained weights and checkpoints: <c>checkpoints/{tenant}/{job}/{trial}/…</c> for trial checkpoints and models,
/// <c>models/{tenant}/{model}/…</c> for registered models. Names are returned as <c>container/blob</c> references that
/// travel in grain messages instead of bytes.
/// </summary>
public sealed class ArtifactStore(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly StorageOptions _options = options.Value;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _containers = new(StringComparer.Ordinal);

    public string CheckpointRef(string tenant, string job, int trial, string file) => $"{_options.CheckpointsContainer}/{tenant}/{job}/{trial}/{file}";

    public string ModelRef(string tenant, string model, string file) => $"{_options.ModelsContainer}/{tenant}/{model}/{file}";

    public async Task EnsureContainersAsync(CancellationToken cancellationToken = default)
    {
        await service.GetBlobContainerClient(_options.CheckpointsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await service.GetBlobContainerClient(_options.ModelsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes (or replaces) the blob at <paramref name="reference"/> from a stream.</summary>
    public async Task WriteAsync(string reference, Stream content, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(reference).ConfigureAwait(false);
        await Blob(reference).UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream> OpenReadAsync(string reference, CancellationToken cancellationToken = default) =>
        await Blob(reference).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);

    public async Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken = default) =>
        (await Blob(reference).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Server-side copy (blob to blob, no bytes through this process).</summary>
    public async Task CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(to).ConfigureAwait(false);
        var operation = await Blob(to).StartCopyFromUriAsync(Blob(from).Uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every blob under a <c>container/prefix</c> reference.</summary>
    public async Task DeletePrefixAsync(string reference, CancellationToken cancellationToken = default)
    {
        var (container, prefix) = Split(reference);
        var client = service.GetBlobContainerClient(container);
        try
        {
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            {
                await client.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    /// <summary>Creates a reference's container once per process (writers may run on silos that did not run start-up).</summary>
    private Task EnsureContainerAsync(string reference) =>
        _containers.GetOrAdd(Split(reference).Container, c => new Lazy<Task>(() => service.GetBlobContainerClient(c).CreateIfNotExistsAsync())).Value;

    private BlobClient Blob(string reference)
    {
        var (container, name) = Split(reference);
        return service.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private static (string Container, string Name) Split(string reference)
    {
        var cut = reference.IndexOf('/', StringComparison.Ordinal);
        return cut <= 0 ? throw new ArgumentException($"'{reference}' is not a container/blob reference.", nameof(reference)) : (reference[..cut], reference[(cut + 1)..]);
    }
}
