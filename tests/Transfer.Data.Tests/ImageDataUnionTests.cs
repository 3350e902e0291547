using System.IO.Compression;

namespace Transfer.Data.Tests;

public sealed class ImageDataUnionTests
{
    [Fact]
    public async Task TwoFashionMnistSubsetsCombineWithTheirLabelSpacesKeptApart()
    {
        var shoes = await ReadAsync("fmnist-shoes-a", ["Sandal", "Sneaker", "Ankle boot"]);
        var bags = await ReadAsync("fmnist-sandal-bag", ["Sandal", "Bag"]);

        var union = ImageDataUnion.Combine([("shoes-a", shoes), ("sandal-bag", bags)]);

        Assert.Equal(shoes.Count + bags.Count, union.Count);
        Assert.Equal(["shoes-a/Sandal", "shoes-a/Sneaker", "shoes-a/Ankle boot", "sandal-bag/Sandal", "sandal-bag/Bag"], union.Classes);
        Assert.Equal(shoes.Labels, union.Labels[..shoes.Count]);
        Assert.Equal(bags.Labels.Select(l => l + 3), union.Labels[shoes.Count..]);
        Assert.True(union.Image(shoes.Count).SequenceEqual(bags.Image(0)));
        Assert.True(union.Image(shoes.Count - 1).SequenceEqual(shoes.Image(shoes.Count - 1)));
    }

    [Fact]
    public void MembersOfDifferentShapesAreRefusedByName()
    {
        var gray = new ImageData(1, 1, 2, 2, new byte[4], [0], ["a"]);
        var colour = new ImageData(1, 3, 2, 2, new byte[12], [0], ["a"]);

        var error = Assert.Throws<ArgumentException>(() => ImageDataUnion.Combine([("gray", gray), ("colour", colour)]));

        Assert.Contains("'colour' has 3x2x2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImageDataUnion.Combine([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task WrittenIdxReadsBackTheSameImagesAndLabels(int channels)
    {
        var random = new Random(5);
        var pixels = new byte[7 * channels * 4 * 3];
        random.NextBytes(pixels);
        var data = new ImageData(7, channels, 4, 3, pixels, [0, 1, 2, 1, 0, 2, 2], ["x", "y", "z"]);
        using var images = new MemoryStream();
        using var labels = new MemoryStream();
        await using (var gz = new GZipStream(images, CompressionLevel.Fastest, leaveOpen: true))
        {
            await IdxWriter.WriteImagesAsync(data, gz);
        }

        await IdxWriter.WriteLabelsAsync(data, labels);
        images.Position = 0;
        labels.Position = 0;

        var back = await IdxReader.ReadAsync(images, labels, ["x", "y", "z"]);

        Assert.Equal((7, channels, 4, 3), (back.Count, back.Channels, back.Height, back.Width));
        Assert.Equal(data.Pixels, back.Pixels);
        Assert.Equal(data.Labels, back.Labels);
    }

    private static async Task<ImageData> ReadAsync(string name, string[] classes)
    {
        await using var images = SeedData.Open(name, "images-idx3-ubyte.gz");
        await using var labels = SeedData.Open(name, "labels-idx1-ubyte.gz");
        return await IdxReader.ReadAsync(images, labels, classes);
    }
}
