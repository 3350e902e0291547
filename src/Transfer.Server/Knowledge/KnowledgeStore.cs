using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Training;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The knowledge base's blobs in one container: <c>vectors/{tenant}/{dataset}.json</c> (meta-features),
/// <c>trials/{tenant}/{source}.json</c> (finished trials of a job or an imported history) and
/// <c>benchmark-models/{id}.json</c> (manifests; the weights live in the models container). Listing them is how
/// re-clustering and recommendations read the knowledge base: no grain is called per dataset.
/// </summary>
public sealed class KnowledgeStore(BlobServiceClient service, IOptions<KnowledgeOptions> options)
{
    private const string Vectors = "vectors/";
    private const string Trials = "trials/";
    private const string Benchmarks = "benchmark-models/";
    private const string GroupBenchmarks = "group-benchmarks/";

    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.Container);
    private readonly Lazy<Task> _created = new(() => service.GetBlobContainerClient(options.Value.Container).CreateIfNotExistsAsync());

    public Task WriteVectorAsync(StoredVector vector, CancellationToken cancellationToken = default) =>
        WriteAsync($"{Vectors}{vector.Tenant}/{vector.Dataset}.json", vector, createOnly: false, cancellationToken);

    public Task<StoredVector?> ReadVectorAsync(string tenant, string dataset, CancellationToken cancellationToken = default) =>
        ReadAsync<StoredVector>($"{Vectors}{tenant}/{dataset}.json", cancellationToken);

    public async Task DeleteVectorAsync(string tenant, string dataset, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        await _container.DeleteBlobIfExistsAsync($"{Vectors}{tenant}/{dataset}.json", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<StoredVector>> ListVectorsAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<StoredVector>(Vectors, cancellationToken);

    /// <summary>Writes a job's or history's trials; with <paramref name="createOnly"/>, false when that source is already there.</summary>
    public Task<bool> WriteTrialsAsync(StoredTrials trials, bool createOnly, CancellationToken cancellationToken = default) =>
        WriteAsync($"{Trials}{trials.Tenant}/{trials.Source}.json", trials, createOnly, cancellationToken);

    public Task<IReadOnlyList<StoredTrials>> ListTrialsAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<StoredTrials>(Trials, cancellationToken);

    public Task<bool> WriteBenchmarkAsync(BenchmarkModelRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync($"{Benchmarks}{record.Info.Id}.json", record, createOnly: true, cancellationToken);

    public Task<BenchmarkModelRecord?> ReadBenchmarkAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<BenchmarkModelRecord>($"{Benchmarks}{id}.json", cancellationToken);

    public Task<IReadOnlyList<BenchmarkModelRecord>> ListBenchmarksAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<BenchmarkModelRecord>(Benchmarks, cancellationToken);

    public Task<bool> WriteGroupBenchmarkAsync(StoredGroupBenchmark training, bool createOnly, CancellationToken cancellationToken = default) =>
        WriteAsync($"{GroupBenchmarks}{training.Training.ModelId}.json", training, createOnly, cancellationToken);

    public Task<StoredGroupBenchmark?> ReadGroupBenchmarkAsync(string modelId, CancellationToken cancellationToken = default) =>
        ReadAsync<StoredGroupBenchmark>($"{GroupBenchmarks}{modelId}.json", cancellationToken);

    public Task<IReadOnlyList<StoredGroupBenchmark>> ListGroupBenchmarksAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<StoredGroupBenchmark>(GroupBenchmarks, cancellationToken);

    /// <summary>A hash of the names and ETags of the vectors and trials: it changes whenever the recommendation index would.</summary>
    public async Task<string> SignatureAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var prefix in new[] { Vectors, Trials })
        {
            await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            {
                text.Append(blob.Name).Append('@').Append(blob.Properties.ETag).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task<bool> WriteAsync<T>(string name, T value, bool createOnly, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = createOnly ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null,
        };
        try
        {
            await _container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(value, TrainingJson.Options), upload, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (createOnly && ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<T?> ReadAsync<T>(string name, CancellationToken cancellationToken)
        where T : class
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            var content = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<T>(TrainingJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<T>> ReadAllAsync<T>(string prefix, CancellationToken cancellationToken)
        where T : class
    {
        await _created.Value.ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        var values = await Task.WhenAll(names.Select(n => ReadAsync<T>(n, cancellationToken)));
        return values.OfType<T>().ToArray();
    }
}
