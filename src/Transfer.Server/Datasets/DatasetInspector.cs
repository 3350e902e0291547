using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Data;
using Transfer.Server.Options;
using Transfer.Server.Problems;
using Transfer.Storage;

namespace Transfer.Server.Datasets;

/// <summary>Validates stored dataset parts by streaming them from blob storage through the format's reader.</summary>
public sealed class DatasetInspector(DatasetBlobStore store, IOptions<LimitsOptions> limits)
{
    public async Task<DatasetSchema> InspectAsync(string tenant, string dataset, DatasetFormat format, string? labelColumn, CancellationToken cancellationToken = default)
    {
        var bounds = Limits();
        switch (format)
        {
            case DatasetFormat.Csv:
                if (string.IsNullOrWhiteSpace(labelColumn))
                {
                    throw ApiProblemException.BadRequest("csv-no-label", "A CSV upload needs the 'labelColumn' field naming the column that holds each row's class.");
                }

                await using (var csv = await store.OpenReadAsync(tenant, dataset, DatasetParts.Data, cancellationToken))
                {
                    return await CsvTableReader.InspectAsync(csv, labelColumn, bounds, cancellationToken);
                }

            case DatasetFormat.ImageZip:
                await using (var zip = await store.OpenReadAsync(tenant, dataset, DatasetParts.Data, cancellationToken))
                {
                    return await ImageZipReader.InspectAsync(zip, bounds, cancellationToken);
                }

            default:
                await using (var images = await store.OpenReadAsync(tenant, dataset, DatasetParts.Images, cancellationToken))
                await using (var labels = await store.OpenReadAsync(tenant, dataset, DatasetParts.Labels, cancellationToken))
                {
                    return await IdxReader.InspectAsync(images, labels, bounds, cancellationToken);
                }
        }
    }

    public DatasetLimits Limits() => new()
    {
        MaxRows = limits.Value.MaxRows,
        MaxZipEntries = limits.Value.MaxZipEntries,
        MaxZipExpandedBytes = limits.Value.MaxZipExpandedBytes,
        MaxClasses = limits.Value.MaxClasses,
    };
}
