using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Transfer.Contracts.Datasets;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>Every bad upload gets a problem a user can act on, and leaves no blob and no dataset behind.</summary>
[Collection(HostCollection.Name)]
public sealed class BadUploadTests(TransferHostFixture host)
{
    public static TheoryData<string> Cases => new(BadUploads.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadUploadIsRejectedWithAProblemAndLeavesNothingBehind(string name)
    {
        var (tenant, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var bad = BadUploads.All[name];

        var response = await http.PostAsync("/api/datasets", await bad.Body());

        await Problems.AssertProblemAsync(response, bad.Status, bad.Code, bad.Detail);
        Assert.Empty(await Leftovers.BlobsAsync(host, tenant));
        Assert.Empty((await http.GetFromJsonAsync<Page<DatasetInfo>>("/api/datasets", Json.Options))!.Items);
    }

    [Fact]
    public async Task AnUploadOverTheSizeLimitIsCutOffWith413()
    {
        var (tenant, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var body = new StreamContent(new GeneratedCsvStream(TransferHostFixture.MaxUploadBytes + (1 << 20)));

        var response = await http.PostAsync("/api/datasets", Uploads.Form([("format", "Csv"), ("labelColumn", "label")], ("data", "big.csv", body)));

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large", "larger than");
        Assert.Empty(await Leftovers.BlobsAsync(host, tenant));
    }

    private sealed record BadUpload(Func<Task<HttpContent>> Body, HttpStatusCode Status, string Code, string? Detail = null);

    private static class BadUploads
    {
        public static Dictionary<string, BadUpload> All { get; } = new()
        {
            ["empty body"] = new(() => Task.FromResult<HttpContent>(new ByteArrayContent([])), HttpStatusCode.BadRequest, "empty"),
            ["not multipart"] = new(() => Task.FromResult<HttpContent>(new StringContent("a,b\n1,2", Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest, "not-multipart"),
            ["empty file part"] = new(() => Task.FromResult<HttpContent>(Uploads.Csv([])), HttpStatusCode.BadRequest, "empty"),
            ["truncated zip"] = new(async () => Uploads.Zip((await SeedZipAsync())[..2000]), HttpStatusCode.BadRequest, "zip-corrupt", "truncated"),
            ["corrupt gzip"] = new(async () => Uploads.Idx([0x1f, 0x8b, 0x08, 0x00, .. Enumerable.Repeat((byte)0xEE, 64)], await SeedAsync("fmnist-sandal-bag", "labels-idx1-ubyte.gz")), HttpStatusCode.BadRequest, "corrupt-compression"),
            ["truncated idx"] = new(async () => Uploads.Idx(Gunzip(await SeedAsync("fmnist-sandal-bag", "images-idx3-ubyte.gz"))[..5000], await SeedAsync("fmnist-sandal-bag", "labels-idx1-ubyte.gz")), HttpStatusCode.BadRequest, "idx-truncated"),
            ["idx count mismatch"] = new(async () => Uploads.Idx(await SeedAsync("fmnist-sandal-bag", "images-idx3-ubyte.gz"), await SeedAsync("fmnist-shoes-a", "labels-idx1-ubyte.gz")), HttpStatusCode.BadRequest, "idx-count-mismatch", "600 images"),
            ["zip entry with .."] = new(async () => Uploads.Zip(Zip(("a/1.png", await PngAsync()), ("../b/2.png", await PngAsync()))), HttpStatusCode.BadRequest, "zip-unsafe-path", "../b/2.png"),
            ["zip entry with absolute path"] = new(async () => Uploads.Zip(Zip(("a/1.png", await PngAsync()), ("/etc/b/2.png", await PngAsync()))), HttpStatusCode.BadRequest, "zip-unsafe-path"),
            ["zip bomb by ratio"] = new(async () => Uploads.Zip(Zip(("a/1.png", await PngAsync()), ("b/2.png", new byte[200_000_000]))), HttpStatusCode.BadRequest, "zip-bomb"),
            ["zip bomb by entry count"] = new(async () => Uploads.Zip(Zip([.. Enumerable.Range(0, 1001).Select(i => ($"c{i % 2}/{i}.png", Array.Empty<byte>()))])), HttpStatusCode.BadRequest, "zip-bomb", "1,001 entries"),
            ["image that does not decode"] = new(async () => Uploads.Zip(Zip(("a/1.png", await PngAsync()), ("b/2.png", "not a png"u8.ToArray()))), HttpStatusCode.BadRequest, "image-undecodable", "b/2.png"),
            ["image of another size"] = new(async () => Uploads.Zip(Zip(("a/1.png", await PngAsync()), ("b/2.png", Png(32, 32)))), HttpStatusCode.BadRequest, "image-size-mismatch", "32x32"),
            ["csv with ragged rows"] = new(() => Csv("a,b,label\n1,2,x\n3,y\n"), HttpStatusCode.BadRequest, "csv-ragged-row", "Row 3"),
            ["csv without the label column"] = new(() => Task.FromResult<HttpContent>(Uploads.Csv("a,b,class\n1,2,x\n3,4,y\n"u8.ToArray())), HttpStatusCode.BadRequest, "csv-no-label", "no column 'label'"),
            ["csv with a single class"] = new(() => Csv("a,label\n1,x\n2,x\n"), HttpStatusCode.BadRequest, "single-class"),
            ["csv with text in a numeric column"] = new(() => Csv("a,label\n1,x\nseven,y\n"), HttpStatusCode.BadRequest, "csv-not-numeric", "'seven'"),
            ["csv over the row limit"] = new(() => Csv("a,label\n" + string.Concat(Enumerable.Range(0, 100_001).Select(i => $"{i},{i % 2}\n"))), HttpStatusCode.BadRequest, "csv-too-many-rows", "100,000"),
            ["unknown format"] = new(() => Task.FromResult<HttpContent>(Uploads.Form([("format", "Parquet")], ("data", "x.parquet", new ByteArrayContent([1, 2, 3])))), HttpStatusCode.BadRequest, "bad-format", "Parquet"),
            ["idx without labels"] = new(async () => Uploads.Form([("format", "Idx")], ("images", "i.gz", new ByteArrayContent(await SeedAsync("fmnist-sandal-bag", "images-idx3-ubyte.gz")))), HttpStatusCode.BadRequest, "bad-part", "'labels'"),
        };

        private static Task<HttpContent> Csv(string text) => Task.FromResult<HttpContent>(Uploads.Csv(Encoding.UTF8.GetBytes(text)));

        private static Task<byte[]> SeedAsync(string dataset, string file) => File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset(dataset), file));

        private static Task<byte[]> SeedZipAsync() => SeedAsync("fmnist-bags-zip", "images.zip");

        private static async Task<byte[]> PngAsync()
        {
            using var archive = new ZipArchive(new MemoryStream(await SeedZipAsync()), ZipArchiveMode.Read);
            await using var entry = archive.Entries.First(e => e.FullName.EndsWith(".png", StringComparison.Ordinal)).Open();
            using var buffer = new MemoryStream();
            await entry.CopyToAsync(buffer);
            return buffer.ToArray();
        }

        private static byte[] Png(int width, int height)
        {
            using var image = new Image<L8>(width, height);
            using var buffer = new MemoryStream();
            image.SaveAsPng(buffer);
            return buffer.ToArray();
        }

        private static byte[] Gunzip(byte[] gz)
        {
            using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }

        private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
        {
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, bytes) in entries)
                {
                    using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                    stream.Write(bytes);
                }
            }

            return buffer.ToArray();
        }
    }
}
