using System.IO.Compression;
using Transfer.Contracts.Datasets;

namespace Transfer.Data.Tests;

public sealed class IdxReaderTests
{
    [Fact]
    public async Task ReadsTheFashionMnistSubsetWithItsClasses()
    {
        await using var images = SeedData.Open("fmnist-shoes-a", "images-idx3-ubyte.gz");
        await using var labels = SeedData.Open("fmnist-shoes-a", "labels-idx1-ubyte.gz");
        var data = await IdxReader.ReadAsync(images, labels, ["Sandal", "Sneaker", "Ankle boot"]);

        Assert.Equal(900, data.Count);
        Assert.Equal((1, 28, 28), (data.Channels, data.Height, data.Width));
        Assert.Equal(["Sandal", "Sneaker", "Ankle boot"], data.Classes);
        Assert.Equal(300, data.Labels.Count(l => l == 2));
        Assert.Contains(data.Pixels, p => p > 200);
    }

    [Fact]
    public async Task AnImagesFileAloneReadsAsUnlabeledImagesWithTheSamePixels()
    {
        await using var images = SeedData.Open("fmnist-shoes-a", "images-idx3-ubyte.gz");
        await using var labels = SeedData.Open("fmnist-shoes-a", "labels-idx1-ubyte.gz");
        var labelled = await IdxReader.ReadAsync(images, labels);
        images.Position = 0;

        var alone = await IdxReader.ReadImagesAsync(images);

        Assert.True(alone.IsUnlabeled);
        Assert.False(labelled.IsUnlabeled);
        Assert.Equal((900, 1, 28, 28), (alone.Count, alone.Channels, alone.Height, alone.Width));
        Assert.Equal(labelled.Pixels, alone.Pixels);

        var (one, _) = Idx(count: 1, labelCount: 1, height: 2, width: 3);
        Assert.Equal(1, (await IdxReader.ReadImagesAsync(new MemoryStream(one))).Count); // one image, one class or none: fine to predict
        var (empty, _) = Idx(count: 0, labelCount: 0, height: 2, width: 3);
        Assert.Equal("empty", (await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.ReadImagesAsync(new MemoryStream(empty)))).Code);
        Assert.Equal("idx-truncated", (await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.ReadImagesAsync(new MemoryStream(one[..^2])))).Code);
    }

    [Fact]
    public async Task InspectGivesTheSameSchemaAsTheDecodedData()
    {
        await using var images = SeedData.Open("fmnist-sandal-bag", "images-idx3-ubyte.gz");
        await using var labels = SeedData.Open("fmnist-sandal-bag", "labels-idx1-ubyte.gz");
        var schema = await IdxReader.InspectAsync(images, labels);

        Assert.Equal(DatasetFormat.Idx, schema.Format);
        Assert.Equal(600, schema.Examples);
        Assert.Equal(new ImageShape(1, 28, 28), schema.Image);
        Assert.Equal([new ClassCount("0", 300), new ClassCount("1", 300)], schema.Classes);
    }

    [Fact]
    public async Task ReadsPlainUncompressedFilesToo()
    {
        var (images, labels) = Idx(count: 4, labelCount: 4, height: 2, width: 3);
        var data = await IdxReader.ReadAsync(new MemoryStream(images), new MemoryStream(labels));
        Assert.Equal(4, data.Count);
        Assert.Equal(24, data.Pixels.Length);
    }

    [Fact]
    public async Task RejectsAnImageAndLabelCountMismatch()
    {
        var (images, labels) = Idx(count: 4, labelCount: 3, height: 2, width: 2);
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.InspectAsync(new MemoryStream(images), new MemoryStream(labels)));
        Assert.Equal("idx-count-mismatch", ex.Code);
        Assert.Contains("4 images", ex.Message);
    }

    [Fact]
    public async Task RejectsATruncatedImageFile()
    {
        var (images, labels) = Idx(count: 4, labelCount: 4, height: 2, width: 2);
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.InspectAsync(new MemoryStream(images[..^3]), new MemoryStream(labels)));
        Assert.Equal("idx-truncated", ex.Code);
    }

    [Fact]
    public async Task RejectsACorruptGzipStream()
    {
        var (images, labels) = Idx(count: 4, labelCount: 4, height: 2, width: 2);
        var gz = Gzip(images);
        gz[gz.Length / 2] ^= 0xFF;
        gz[(gz.Length / 2) + 1] ^= 0xFF;
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.InspectAsync(new MemoryStream(gz[..^6]), new MemoryStream(Gzip(labels))));
        Assert.Contains(ex.Code, new[] { "corrupt-compression", "idx-truncated", "idx-bad-header" });
    }

    [Fact]
    public async Task RejectsAFileThatIsNotIdx()
    {
        var text = "hello, world, this is not idx"u8.ToArray();
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.InspectAsync(new MemoryStream(text), new MemoryStream(text)));
        Assert.Equal("idx-bad-header", ex.Code);
    }

    [Fact]
    public async Task RejectsASingleClass()
    {
        var (images, labels) = Idx(count: 3, labelCount: 3, height: 2, width: 2, label: _ => 1);
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => IdxReader.InspectAsync(new MemoryStream(images), new MemoryStream(labels)));
        Assert.Equal("single-class", ex.Code);
    }

    internal static (byte[] Images, byte[] Labels) Idx(int count, int labelCount, int height, int width, Func<int, byte>? label = null)
    {
        var images = new List<byte> { 0, 0, 8, 3 };
        images.AddRange(BigEndian(count));
        images.AddRange(BigEndian(height));
        images.AddRange(BigEndian(width));
        images.AddRange(Enumerable.Range(0, count * height * width).Select(i => (byte)(i * 7)));
        var labels = new List<byte> { 0, 0, 8, 1 };
        labels.AddRange(BigEndian(labelCount));
        labels.AddRange(Enumerable.Range(0, labelCount).Select(i => label?.Invoke(i) ?? (byte)(i % 2)));
        return (images.ToArray(), labels.ToArray());
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
