using System.IO.Compression;
using Transfer.Data;

namespace Transfer.Bench.Transfer;

/// <summary>
/// A second, larger held-out set for the task: the Fashion-MNIST t10k examples of the task's classes that the task itself
/// leaves out (the task takes the first 300 of each class in file order; this takes the rest, 700 per class), written as
/// an IDX pair labelled like the task (label i = the task's class i). No job ever sees them, so every arm's model is
/// scored on the same 2,100 images at every seed: a job's own test split is 180 images, where one standard error is
/// about 1.6 points, more than the gaps the targets ask about.
/// </summary>
public sealed record EvaluationSet(string Folder, int[] Labels)
{
    public static async Task<EvaluationSet> CreateAsync(string fmnistFolder, IReadOnlyList<int> fmnistClasses, int skipPerClass, string folder, CancellationToken cancellationToken = default)
    {
        await using var imagesIn = File.OpenRead(Path.Combine(fmnistFolder, "t10k-images-idx3-ubyte.gz"));
        await using var labelsIn = File.OpenRead(Path.Combine(fmnistFolder, "t10k-labels-idx1-ubyte.gz"));
        var all = await IdxReader.ReadAsync(imagesIn, labelsIn, cancellationToken: cancellationToken);
        var seen = new int[fmnistClasses.Count];
        var chosen = new List<int>();
        var labels = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            var c = IndexOf(fmnistClasses, all.Labels[i]);
            if (c >= 0 && seen[c]++ >= skipPerClass)
            {
                chosen.Add(i);
                labels.Add(c);
            }
        }

        var pixels = new byte[chosen.Count * all.ImageSize];
        for (var k = 0; k < chosen.Count; k++)
        {
            all.Image(chosen[k]).CopyTo(pixels.AsSpan(k * all.ImageSize, all.ImageSize));
        }

        var subset = new ImageData(chosen.Count, all.Channels, all.Height, all.Width, pixels, [.. labels], [.. fmnistClasses.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Directory.CreateDirectory(folder);
        await using (var images = new GZipStream(File.Create(Path.Combine(folder, "images-idx3-ubyte.gz")), CompressionLevel.Fastest))
        {
            await IdxWriter.WriteImagesAsync(subset, images, cancellationToken);
        }

        await using (var labelsOut = new GZipStream(File.Create(Path.Combine(folder, "labels-idx1-ubyte.gz")), CompressionLevel.Fastest))
        {
            await IdxWriter.WriteLabelsAsync(subset, labelsOut, cancellationToken);
        }

        return new EvaluationSet(folder, [.. labels]);
    }

    /// <summary>The share of predictions naming the right class (<paramref name="classes"/>: the task's class names, by label).</summary>
    public double Accuracy(IReadOnlyList<string> predicted, IReadOnlyList<string> classes) =>
        Math.Round(predicted.Where((p, i) => p == classes[Labels[i]]).Count() / (double)Labels.Length, 4);

    private static int IndexOf(IReadOnlyList<int> items, int value)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
