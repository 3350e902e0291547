using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Transfer.Contracts.Datasets;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

[Collection(HostCollection.Name)]
public sealed class DatasetUploadTests(TransferHostFixture host)
{
    [Fact]
    public async Task ACsvUploadIsValidatedStoredAndReadBackByteExact()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("wine"), "data.csv"));

        var response = await http.PostAsync("/api/datasets", Uploads.Csv(csv));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;

        Assert.Equal(DatasetFormat.Csv, info.Schema.Format);
        Assert.Equal(178, info.Schema.Examples);
        Assert.Equal(13, info.Schema.Columns!.Count);
        Assert.Equal(["class_0", "class_1", "class_2"], info.Schema.Classes.Select(c => c.Name));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(csv)), info.Files.Single().Sha256);
        Assert.Equal(csv, await http.GetByteArrayAsync($"/api/datasets/{info.Id}/parts/data"));
        Assert.Equal(info, await http.GetFromJsonAsync<DatasetInfo>($"/api/datasets/{info.Id}", Json.Options), new DatasetInfoComparer());
    }

    [Fact]
    public async Task AnIdxPairUploadKeepsBothPartsAndCountsClasses()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        var images = await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz"));
        var labels = await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"));

        var response = await http.PostAsync("/api/datasets", Uploads.Idx(images, labels));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;

        Assert.Equal(new ImageShape(1, 28, 28), info.Schema.Image);
        Assert.Equal([300L, 300L], info.Schema.Classes.Select(c => c.Count));
        Assert.Equal(images, await http.GetByteArrayAsync($"/api/datasets/{info.Id}/parts/images"));
        Assert.Equal(labels, await http.GetByteArrayAsync($"/api/datasets/{info.Id}/parts/labels"));
    }

    [Fact]
    public async Task AnImageZipUploadFindsItsClassFolders()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var zip = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("fmnist-bags-zip"), "images.zip"));

        var response = await http.PostAsync("/api/datasets", Uploads.Zip(zip));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;

        Assert.Equal(DatasetFormat.ImageZip, info.Schema.Format);
        Assert.Equal(["bag", "sandal"], info.Schema.Classes.Select(c => c.Name));
        Assert.Equal(zip, await http.GetByteArrayAsync($"/api/datasets/{info.Id}/parts/data"));
    }

    [Fact]
    public async Task ListingPagesThroughEveryDatasetOfTheTenantOnly()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var (_, other) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        using var otherHttp = host.CreateHttpClient(other.Key);
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await http.PostAsync("/api/datasets", Uploads.Csv(csv));
            ids.Add((await created.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!.Id);
        }

        (await otherHttp.PostAsync("/api/datasets", Uploads.Csv(csv))).EnsureSuccessStatusCode();

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/datasets?pageSize=2" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = (await http.GetFromJsonAsync<Page<DatasetInfo>>(url, Json.Options))!;
            seen.AddRange(page.Items.Select(d => d.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task AContinuationTokenThatThisListDidNotHandOutIsAProblemNotAnEmptyPage()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var (_, other) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        using var otherHttp = host.CreateHttpClient(other.Key);
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"));
        for (var i = 0; i < 2; i++)
        {
            (await http.PostAsync("/api/datasets", Uploads.Csv(csv))).EnsureSuccessStatusCode();
        }

        var token = (await http.GetFromJsonAsync<Page<DatasetInfo>>("/api/datasets?pageSize=1", Json.Options))!.ContinuationToken;
        Assert.NotNull(token);
        var escaped = Uri.EscapeDataString(token);
        Assert.Single((await http.GetFromJsonAsync<Page<DatasetInfo>>($"/api/datasets?pageSize=1&continuationToken={escaped}", Json.Options))!.Items);

        foreach (var (client, url) in new[]
        {
            (http, "/api/datasets?continuationToken=garbage"),
            (http, $"/api/datasets?continuationToken={escaped[..^2]}"),
            (http, $"/api/jobs?continuationToken={escaped}"),
            (otherHttp, $"/api/datasets?continuationToken={escaped}"),
        })
        {
            await Problems.AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest, "bad-continuation-token", "page before");
        }
    }

    [Fact]
    public async Task DeletingADatasetRemovesItsStateAndBlobs()
    {
        var (tenant, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"));
        var info = (await (await http.PostAsync("/api/datasets", Uploads.Csv(csv))).Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/datasets/{info.Id}")).StatusCode);

        await Problems.AssertProblemAsync(await http.GetAsync($"/api/datasets/{info.Id}"), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await http.DeleteAsync($"/api/datasets/{info.Id}"), HttpStatusCode.NotFound, "not-found");
        Assert.Empty(await Leftovers.BlobsAsync(host, tenant));
    }

    private sealed class DatasetInfoComparer : IEqualityComparer<DatasetInfo?>
    {
        public bool Equals(DatasetInfo? x, DatasetInfo? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Name == y.Name && x.Files.SequenceEqual(y.Files)
            && x.Schema.Examples == y.Schema.Examples && x.Schema.Classes.SequenceEqual(y.Schema.Classes);

        public int GetHashCode(DatasetInfo? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
