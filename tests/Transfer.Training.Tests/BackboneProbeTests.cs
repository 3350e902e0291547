using Transfer.Training.Probing;
using Xunit.Abstractions;

namespace Transfer.Training.Tests;

/// <summary>The backbone probe on the real benchmark model of the knowledge-base seeds (cnn-fmnist-clothing6).</summary>
public sealed class BackboneProbeTests(ITestOutputHelper output)
{
    static BackboneProbeTests() => _ = TrainingKit.Cpu;

    [Fact]
    public async Task TheClothingBackboneSeparatesUnseenFootwearClassesFarAboveChance()
    {
        using var probe = await LoadClothing6Async();
        var shoes = await SeedData.ImagesAsync("fmnist-shoes-a");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var result = probe.Probe(shoes, seed: 5);
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;

        output.WriteLine($"shoes-a: transfer score {result.TransferScore:F3}, chance {result.ChanceScore:F3}, {result.Images} images, {result.MeanEmbedding.Count} dims, {clock.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU (process)");
        Assert.Equal(64, probe.Dimensions);
        Assert.Equal(probe.Dimensions, result.MeanEmbedding.Count);
        Assert.True(result.TransferScore > result.ChanceScore + 0.3, $"score {result.TransferScore:F3} vs chance {result.ChanceScore:F3}");
        Assert.Contains(result.MeanEmbedding, v => v > 0);
    }

    [Fact]
    public async Task AProbeIsDeterministicUnderASeedAndEmbedsNoMoreThanItsSubsample()
    {
        using var probe = await LoadClothing6Async();
        var clothing = await SeedData.ImagesAsync("fmnist-clothing6");

        var first = probe.Probe(clothing, seed: 11);
        var again = probe.Probe(clothing, seed: 11);
        var other = probe.Probe(clothing, seed: 12);
        var small = probe.Probe(clothing, seed: 11, maxImages: 40);

        Assert.Equal(BackboneProbe.DefaultMaxImages, first.Images);
        Assert.True(clothing.Count > first.Images);
        Assert.Equal(first.MeanEmbedding, again.MeanEmbedding);
        Assert.Equal(first.TransferScore, again.TransferScore);
        Assert.NotEqual(first.MeanEmbedding, other.MeanEmbedding);
        Assert.Equal(40, small.Images);
    }

    [Fact]
    public async Task ImagesOfAnotherShapeAreRefusedWithBothShapesInTheMessage()
    {
        using var probe = await LoadClothing6Async();
        var halved = Halve(await SeedData.ImagesAsync("fmnist-shoes-a"));

        var error = Assert.Throws<ArgumentException>(() => probe.Probe(halved, seed: 1));

        Assert.False(probe.Fits(halved));
        Assert.Contains("1×14×14", error.Message, StringComparison.Ordinal);
        Assert.Contains("1×28×28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeaveOneOutCentroidsLeaveThePointOut()
    {
        // Two tight classes: every point is right. A class of one cannot be predicted without itself: an error.
        float[] features = [0, 0, 0.1f, 0, 5, 5, 5.1f, 5, 9, 9];
        int[] labels = [0, 0, 1, 1, 2];

        var accuracy = LeaveOneOutCentroids.Accuracy(features, count: 5, dimensions: 2, labels, classes: 3);

        Assert.Equal(0.8, accuracy, 9);
    }

    /// <summary>The same images at half the side (every other pixel): real images of a shape the backbone does not take.</summary>
    private static Transfer.Data.ImageData Halve(Transfer.Data.ImageData images)
    {
        int h = images.Height / 2, w = images.Width / 2;
        var pixels = new byte[images.Count * h * w];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images.Image(i);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    pixels[(i * h * w) + (y * w) + x] = image[(2 * y * images.Width) + (2 * x)];
                }
            }
        }

        return images with { Height = h, Width = w, Pixels = pixels };
    }

    private static async Task<BackboneProbe> LoadClothing6Async()
    {
        var weights = Path.Combine(Path.GetDirectoryName(SeedData.Directory("x"))!, "..", "benchmark-models", "cnn-fmnist-clothing6", "weights.bin");
        await using var stream = File.OpenRead(weights);
        return await BackboneProbe.LoadAsync(stream);
    }
}
