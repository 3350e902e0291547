using Transfer.Client;
using Transfer.Client.Problems;
using Transfer.Contracts.Datasets;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>Each upload format through the SDK, read back byte-exact through the SDK, with a server problem as a typed exception.</summary>
[Collection(HostCollection.Name)]
public sealed class SdkRoundTripTests(TransferHostFixture host)
{
    [Theory]
    [InlineData("wine/data.csv", DatasetFormat.Csv, new[] { DatasetParts.Data })]
    [InlineData("fmnist-bags-zip/images.zip", DatasetFormat.ImageZip, new[] { DatasetParts.Data })]
    [InlineData("fmnist-sandal-bag", DatasetFormat.Idx, new[] { DatasetParts.Images, DatasetParts.Labels })]
    public async Task EachFormatUploadsAndDownloadsByteExactThroughTheSdk(string seedPath, DatasetFormat format, string[] parts)
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var client = new TransferClient(host.Factory.CreateClient(), new TransferClientOptions { ApiKey = key.Key });
        var path = Path.Combine(RepositoryPaths.Root, "knowledge-base-seeds", "datasets", seedPath);

        var info = await client.Datasets.UploadFileAsync(path, labelColumn: format == DatasetFormat.Csv ? "label" : null);

        Assert.Equal(format, info.Schema.Format);
        Assert.Equal(parts.Order(), info.Files.Select(f => f.Part).Order());
        foreach (var file in info.Files)
        {
            using var downloaded = new MemoryStream();
            await client.Datasets.DownloadPartAsync(info.Id, file.Part, downloaded);
            var local = File.Exists(path) ? path : Directory.GetFiles(path, file.Part == DatasetParts.Images ? "*idx3*" : "*idx1*").Single();
            Assert.Equal(await File.ReadAllBytesAsync(local), downloaded.ToArray());
        }

        Assert.Contains(info.Id, await client.Datasets.ListAsync().Select(d => d.Id).ToListAsync());
        var missing = await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.GetAsync("ds-000000000000"));
        Assert.True(missing.IsNotFound);
    }
}
