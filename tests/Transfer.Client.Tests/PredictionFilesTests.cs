using System.IO.Compression;
using Transfer.Client.Models;

namespace Transfer.Client.Tests;

public sealed class PredictionFilesTests
{
    [Fact]
    public async Task AnIdxFolderSendsItsImagesFileAloneWithoutTheLabels()
    {
        using var form = PredictionFiles.Open(SeedData.Dataset("fmnist-sandal-bag"));

        var part = Assert.Single(form);
        Assert.Equal(("images", "images-idx3-ubyte.gz"), Names(part));
        Assert.Equal(await File.ReadAllBytesAsync(SeedData.File("fmnist-sandal-bag", "images-idx3-ubyte.gz")), await part.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFolderOfImagesIsZippedWithTheirPathsInNameOrder()
    {
        using var folder = new TempFolder();
        var png = await File.ReadAllBytesAsync(SeedData.File("fmnist-sandal-bag", "images-idx3-ubyte.gz")); // any bytes: the server decodes
        foreach (var name in new[] { "b.png", "a/c.JPG", "a/d.jpeg", ".cache/e.png", "notes.txt" })
        {
            var path = Path.Combine(folder.Path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, png);
        }

        using var form = PredictionFiles.Open(folder.Path);

        var part = Assert.Single(form);
        Assert.Equal(("data", new DirectoryInfo(folder.Path).Name + ".zip"), Names(part));
        using var zip = new ZipArchive(new MemoryStream(await part.ReadAsByteArrayAsync()));
        Assert.Equal(["a/c.JPG", "a/d.jpeg", "b.png"], zip.Entries.Select(e => e.FullName));
    }

    [Theory]
    [InlineData("iris", "data.csv", "data")]
    [InlineData("fmnist-bags-zip", "images.zip", "data")]
    [InlineData("fmnist-sandal-bag", "images-idx3-ubyte.gz", "images")]
    public void AFileIsSentAsItIs(string dataset, string file, string expectedPart)
    {
        using var form = PredictionFiles.Open(SeedData.File(dataset, file));

        Assert.Equal((expectedPart, file), Names(Assert.Single(form)));
    }

    [Fact]
    public async Task AStreamIsSentUnderItsNameFromItsPositionAndLeftOpen()
    {
        using var stream = new MemoryStream([9, 1, 2, 3]);
        stream.Position = 1;

        using (var form = await PredictionFiles.FromStreamAsync(stream, "photos/cat.png"))
        {
            var part = Assert.Single(form);
            Assert.Equal(("data", "cat.png"), Names(part));
            Assert.Equal([1, 2, 3], await part.ReadAsByteArrayAsync());
        }

        Assert.True(stream.CanRead, "the caller's stream stays open");
        using var idx = await PredictionFiles.FromStreamAsync(new MemoryStream([0]), "t10k-images-idx3-ubyte.gz");
        Assert.Equal("images", Names(Assert.Single(idx)).Part);
        await Assert.ThrowsAsync<ArgumentException>(() => PredictionFiles.FromStreamAsync(new MemoryStream([0]), "t10k-labels-idx1-ubyte.gz"));
    }

    [Fact]
    public void WhatCannotBePredictedSaysWhy()
    {
        using var empty = new TempFolder();
        empty.Write("notes.txt", "no images here");

        Assert.Contains("labels", Assert.Throws<ArgumentException>(() => PredictionFiles.Open(SeedData.File("fmnist-sandal-bag", "labels-idx1-ubyte.gz"))).Message, StringComparison.Ordinal);
        Assert.Contains("no IDX images file", Assert.Throws<FileNotFoundException>(() => PredictionFiles.Open(empty.Path)).Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => PredictionFiles.Open(Path.Combine(empty.Path, "missing.csv")));
    }

    private static (string? Part, string? File) Names(HttpContent part) =>
        (part.Headers.ContentDisposition?.Name?.Trim('"'), part.Headers.ContentDisposition?.FileName?.Trim('"'));
}
