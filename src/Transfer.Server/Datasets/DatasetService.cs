using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Grains.Datasets;
using Transfer.Server.Options;
using Transfer.Server.Paging;
using Transfer.Server.Problems;
using Transfer.Storage;

namespace Transfer.Server.Datasets;

/// <summary>Reads, lists, downloads and deletes a tenant's datasets.</summary>
public sealed class DatasetService(DatasetBlobStore store, IGrainFactory grains, IOptions<LimitsOptions> limits)
{
    public async Task<DatasetInfo> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Grain(tenant, id).GetAsync() ?? throw ApiProblemException.NotFound("dataset", id);
    }

    public async Task<Page<DatasetInfo>> ListAsync(string tenant, int? pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? 50;
        if (size < 1 || size > limits.Value.MaxPageSize)
        {
            throw ApiProblemException.BadRequest("bad-page-size", $"pageSize must be between 1 and {limits.Value.MaxPageSize}.");
        }

        var list = $"datasets:{tenant}";
        var (ids, next) = await store.ListDatasetIdsAsync(tenant, size, PageToken.Unwrap(list, continuationToken), cancellationToken);
        var infos = await Task.WhenAll(ids.Select(id => Grain(tenant, id).GetAsync()));
        return new Page<DatasetInfo>(infos.OfType<DatasetInfo>().ToArray(), PageToken.Wrap(list, next));
    }

    public async Task<(Stream Content, DatasetFile File)> OpenPartAsync(string tenant, string id, string part, CancellationToken cancellationToken = default)
    {
        var info = await GetAsync(tenant, id, cancellationToken);
        var file = info.Files.FirstOrDefault(f => f.Part == part)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "not-found", "No such part", $"Dataset '{id}' has no part '{part}'; its parts are {string.Join(", ", info.Files.Select(f => f.Part))}.");
        return (await store.OpenReadAsync(tenant, id, part, cancellationToken), file);
    }

    public async Task DeleteAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var grain = Grain(tenant, id);
        _ = await grain.BeginDeleteAsync() ?? throw ApiProblemException.NotFound("dataset", id);
        await store.DeleteAsync(tenant, id, cancellationToken);
        await grain.ForgetAsync();
    }

    private IDatasetGrain Grain(string tenant, string id) => grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(tenant, id));
}
