using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Transfer.Contracts.Datasets;

namespace Transfer.Data.Tests;

public sealed class PredictionImagesTests
{
    private static readonly ImageShape Gray28 = new(1, 28, 28);

    [Fact]
    public async Task AZipOfImagesInAnyLayoutReadsUnlabeledWithTheirPathsAndTheSamePixelsAsTheLabelledReader()
    {
        await using var seed = SeedData.Open("fmnist-bags-zip", "images.zip");
        var labelled = await ImageZipReader.ReadAsync(seed);
        seed.Position = 0;

        var read = await PredictionImages.ReadAsync(seed, "images.zip", Gray28);

        Assert.True(read.Images.IsUnlabeled);
        Assert.Equal(labelled.Count, read.Names.Count);
        Assert.All(read.Names, n => Assert.EndsWith(".png", n, StringComparison.Ordinal));
        Assert.Equal(labelled.Pixels, read.Images.Pixels); // the same images in the archive's order, 28x28 gray: no conversion

        // No folders at all, and folders at different depths: folder names are not labels.
        var png = await ImageZipReaderTests.FirstSeedPngAsync();
        var flat = await PredictionImages.ReadAsync(new MemoryStream(ImageZipReaderTests.Zip(("1.png", png), ("x/y/2.png", png), (".hidden/3.png", png))), "flat.zip", Gray28);
        Assert.Equal(["1.png", "x/y/2.png"], flat.Names);
        Assert.Equal(flat.Images.Image(0).ToArray(), flat.Images.Image(1).ToArray());
    }

    [Fact]
    public async Task OneImageIsOneExampleUnderItsFileName()
    {
        var png = await ImageZipReaderTests.FirstSeedPngAsync();
        var read = await PredictionImages.ReadAsync(new MemoryStream(png), "shoe.png", Gray28);

        Assert.Equal(["shoe.png"], read.Names);
        Assert.Equal(1, read.Images.Count);
        await using var seed = SeedData.Open("fmnist-bags-zip", "images.zip");
        var zipped = await PredictionImages.ReadAsync(seed, "images.zip", Gray28);
        Assert.Equal(zipped.Images.Image(0).ToArray(), read.Images.Image(0).ToArray());
    }

    [Fact]
    public async Task ImagesAreResizedToTheModelsSizeAndConvertedToItsChannels()
    {
        var red = Png(40, 30, new Rgb24(255, 0, 0));
        var gray = Png(10, 10, new Rgb24(90, 90, 90));

        var toGray = await PredictionImages.ReadAsync(new MemoryStream(ImageZipReaderTests.Zip(("red.png", red), ("gray.png", gray))), "z.zip", Gray28);
        Assert.Equal((2, 1, 28, 28), (toGray.Images.Count, toGray.Images.Channels, toGray.Images.Height, toGray.Images.Width));
        Assert.All(toGray.Images.Image(0).ToArray(), v => Assert.Equal(54, v)); // BT.709: 0.2126 x 255
        Assert.All(toGray.Images.Image(1).ToArray(), v => Assert.Equal(90, v));

        var toRgb = await PredictionImages.ReadAsync(new MemoryStream(gray), "gray.png", new ImageShape(3, 8, 12));
        Assert.Equal((3, 8, 12), (toRgb.Images.Channels, toRgb.Images.Height, toRgb.Images.Width));
        Assert.All(toRgb.Images.Image(0).ToArray(), v => Assert.Equal(90, v));
        var colour = await PredictionImages.ReadAsync(new MemoryStream(red), "red.png", new ImageShape(3, 8, 12));
        Assert.Equal([255, 0, 0], new[] { 0, 96, 192 }.Select(at => colour.Images.Image(0)[at]).ToArray()); // R, G, B planes
    }

    [Theory]
    [InlineData("a,b\n1,2\n", ExampleFormat.Table)]
    [InlineData("PK\u0003\u0004", ExampleFormat.Zip)]
    [InlineData("PK\u0005\u0006", ExampleFormat.Zip)]
    [InlineData("", ExampleFormat.Table)]
    public void TheFormatIsToldFromTheFirstBytes(string head, ExampleFormat expected) =>
        Assert.Equal(expected, PredictionImages.Sniff(Encoding.Latin1.GetBytes(head)));

    [Fact]
    public async Task PngAndJpegAreImages()
    {
        Assert.Equal(ExampleFormat.Image, PredictionImages.Sniff(await ImageZipReaderTests.FirstSeedPngAsync()));
        using var image = new Image<Rgb24>(4, 4);
        using var jpeg = new MemoryStream();
        await image.SaveAsJpegAsync(jpeg);
        Assert.Equal(ExampleFormat.Image, PredictionImages.Sniff(jpeg.ToArray()));
    }

    [Fact]
    public async Task WhatIsNotImagesIsRefusedWithAProblemCode()
    {
        var png = await ImageZipReaderTests.FirstSeedPngAsync();
        async Task<string> CodeAsync(byte[] bytes) =>
            (await Assert.ThrowsAsync<DatasetFormatException>(() => PredictionImages.ReadAsync(new MemoryStream(bytes), "x", Gray28))).Code;

        Assert.Equal("not-images", await CodeAsync("a,b\n1,2\n"u8.ToArray()));
        Assert.Equal("empty", await CodeAsync(ImageZipReaderTests.Zip(("folder/", []))));
        Assert.Equal("zip-not-image", await CodeAsync(ImageZipReaderTests.Zip(("1.png", png), ("notes.txt", "hi"u8.ToArray()))));
        Assert.Equal("zip-unsafe-path", await CodeAsync(ImageZipReaderTests.Zip(("../1.png", png))));
        Assert.Equal("image-undecodable", await CodeAsync(ImageZipReaderTests.Zip(("1.png", png[..40]))));
        Assert.Equal("image-undecodable", await CodeAsync(png[..40]));
    }

    [Fact]
    public async Task DecodedImagesOfAnotherSizeAreFittedAsTheSameImagesSentAsPngAre()
    {
        var gradient = Gradient(8, 6);
        var idx = ImageData.Unlabeled(2, 1, 6, 8, [.. gradient, .. gradient]);
        using var image = Image.LoadPixelData<Rgb24>([.. gradient.Select(v => new Rgb24(v, v, v))], 8, 6);
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);
        png.Position = 0;

        var fitted = PredictionImages.Fit(idx, Gray28);
        var read = await PredictionImages.ReadAsync(png, "g.png", Gray28);

        Assert.Equal((2, 1, 28, 28), (fitted.Count, fitted.Channels, fitted.Height, fitted.Width));
        Assert.True(fitted.IsUnlabeled);
        Assert.Equal(read.Images.Image(0).ToArray(), fitted.Image(0).ToArray());
        Assert.Equal(fitted.Image(0).ToArray(), fitted.Image(1).ToArray());

        var rgb = PredictionImages.Fit(idx, new ImageShape(3, 6, 8)); // same size, gray copied to three planes
        Assert.Equal([.. gradient, .. gradient, .. gradient], rgb.Image(0).ToArray());
        Assert.Same(idx, PredictionImages.Fit(idx, new ImageShape(1, 6, 8)));
        var red = ImageData.Unlabeled(1, 3, 2, 2, [255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.All(PredictionImages.Fit(red, new ImageShape(1, 2, 2)).Pixels, v => Assert.Equal(54, v)); // BT.709, as a red PNG
        Assert.Throws<ArgumentException>(() => PredictionImages.Fit(ImageData.Unlabeled(1, 2, 2, 2, new byte[8]), Gray28));
    }

    private static byte[] Gradient(int width, int height) =>
        [.. Enumerable.Range(0, width * height).Select(i => (byte)(((i % width) * 31) + ((i / width) * 7)))];

    private static byte[] Png(int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
