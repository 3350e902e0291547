using System.Collections.Concurrent;
using Transfer.Contracts.Datasets;
using Transfer.Data;
using Transfer.Storage;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Decoded datasets on a worker, so the trials of a job decode their dataset once. Keyed by content hash; keeps the few
/// most recently used (datasets are read from blob storage, never from the API process's memory).
/// </summary>
public sealed class DatasetCache(DatasetBlobStore store, int capacity = 4)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new();
    private readonly ConcurrentQueue<string> _order = new();

    public Task<object> GetAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken = default)
    {
        var key = string.Join('/', dataset.Files.Select(f => f.Sha256));
        var entry = _entries.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            while (_order.Count > capacity && _order.TryDequeue(out var old))
            {
                _entries.TryRemove(old, out _);
            }

            return new Lazy<Task<object>>(() => LoadAsync(tenant, dataset, CancellationToken.None));
        });
        return entry.Value.WaitAsync(cancellationToken);
    }

    private async Task<object> LoadAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken)
    {
        switch (dataset.Schema.Format)
        {
            case DatasetFormat.Csv:
                await using (var csv = await store.OpenReadAsync(tenant, dataset.Id, DatasetParts.Data, cancellationToken))
                {
                    return await CsvTableReader.ReadAsync(csv, dataset.Schema.LabelColumn!, cancellationToken: cancellationToken);
                }

            case DatasetFormat.ImageZip:
                await using (var zip = await store.OpenReadAsync(tenant, dataset.Id, DatasetParts.Data, cancellationToken))
                {
                    return await ImageZipReader.ReadAsync(zip, cancellationToken: cancellationToken);
                }

            default:
                await using (var images = await store.OpenReadAsync(tenant, dataset.Id, DatasetParts.Images, cancellationToken))
                await using (var labels = await store.OpenReadAsync(tenant, dataset.Id, DatasetParts.Labels, cancellationToken))
                {
                    return await IdxReader.ReadAsync(images, labels, cancellationToken: cancellationToken);
                }
        }
    }
}
