using System.IO.Compression;
using Transfer.Contracts.Datasets;

namespace Transfer.Data.Tests;

public sealed class ImageZipReaderTests
{
    [Fact]
    public async Task ReadsTheSeedZipAsGrayImagesInTwoClasses()
    {
        await using var zip = SeedData.Open("fmnist-bags-zip", "images.zip");
        var data = await ImageZipReader.ReadAsync(zip);

        Assert.Equal(80, data.Count);
        Assert.Equal((1, 28, 28), (data.Channels, data.Height, data.Width));
        Assert.Equal(["bag", "sandal"], data.Classes);
        Assert.Equal(40, data.Labels.Count(l => l == 0));
    }

    [Fact]
    public async Task DecodedPixelsMatchTheIdxSource()
    {
        await using var zip = SeedData.Open("fmnist-bags-zip", "images.zip");
        var schema = await ImageZipReader.InspectAsync(zip);
        Assert.Equal(new ImageShape(1, 28, 28), schema.Image);
        Assert.Equal(DatasetFormat.ImageZip, schema.Format);
    }

    [Fact]
    public async Task AcceptsOneSharedTopFolder()
    {
        var png = await FirstSeedPngAsync();
        var zip = Zip(("photos/a/1.png", png), ("photos/b/2.png", png));
        var data = await ImageZipReader.ReadAsync(new MemoryStream(zip));
        Assert.Equal(["a", "b"], data.Classes);
    }

    [Theory]
    [InlineData("../evil/1.png", "zip-unsafe-path")]
    [InlineData("/abs/1.png", "zip-unsafe-path")]
    [InlineData("a/notes.txt", "zip-not-image")]
    [InlineData("loose.png", "zip-layout")]
    public async Task RejectsEntriesThatDoNotBelong(string name, string code)
    {
        var png = await FirstSeedPngAsync();
        var zip = Zip(("a/1.png", png), ("b/1.png", png), (name, png));
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ImageZipReader.InspectAsync(new MemoryStream(zip)));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public async Task RejectsAnImageThatDoesNotDecode()
    {
        var png = await FirstSeedPngAsync();
        var zip = Zip(("a/1.png", png), ("b/1.png", png[..40]));
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ImageZipReader.InspectAsync(new MemoryStream(zip)));
        Assert.Equal("image-undecodable", ex.Code);
        Assert.Contains("b/1.png", ex.Message);
    }

    [Fact]
    public async Task RejectsATruncatedArchive()
    {
        var png = await FirstSeedPngAsync();
        var zip = Zip(("a/1.png", png), ("b/1.png", png));
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ImageZipReader.InspectAsync(new MemoryStream(zip[..(zip.Length / 2)])));
        Assert.Equal("zip-corrupt", ex.Code);
    }

    [Fact]
    public async Task RejectsAZipBombByItsCompressionRatio()
    {
        var png = await FirstSeedPngAsync();
        var zip = Zip(("a/1.png", png), ("b/1.png", new byte[50_000_000]));
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ImageZipReader.InspectAsync(new MemoryStream(zip)));
        Assert.Equal("zip-bomb", ex.Code);
    }

    [Fact]
    public async Task RejectsTooManyEntries()
    {
        var png = await FirstSeedPngAsync();
        var entries = Enumerable.Range(0, 12).Select(i => ($"{(char)('a' + (i % 2))}/{i}.png", png)).ToArray();
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ImageZipReader.InspectAsync(new MemoryStream(Zip(entries)), new DatasetLimits { MaxZipEntries = 10 }));
        Assert.Equal("zip-bomb", ex.Code);
    }

    internal static async Task<byte[]> FirstSeedPngAsync()
    {
        await using var file = SeedData.Open("fmnist-bags-zip", "images.zip");
        using var archive = new ZipArchive(file, ZipArchiveMode.Read);
        await using var entry = archive.Entries.First(e => e.FullName.EndsWith(".png", StringComparison.Ordinal)).Open();
        using var buffer = new MemoryStream();
        await entry.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    internal static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
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
