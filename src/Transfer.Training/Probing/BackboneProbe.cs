using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using TorchSharp;
using static TorchSharp.torch;

namespace Transfer.Training.Probing;

/// <summary>
/// Runs a benchmark model's backbone (only) over a bounded, seeded subsample of an image dataset, in evaluation mode
/// without gradients, and global-average-pools its output to one value per channel. Gives the dataset's mean embedding
/// (a meta-feature) and a measured transfer score (<see cref="LeaveOneOutCentroids"/> on the embeddings). The images are
/// normalised as the model was trained. The cost is bounded by the subsample, not by the dataset; torch runs with the
/// process's thread count (<see cref="TorchRuntime"/>: one by default). Deterministic under a seed.
/// </summary>
public sealed class BackboneProbe : IDisposable
{
    /// <summary>The most images a probe embeds unless told fewer.</summary>
    public const int DefaultMaxImages = 512;

    private const int BatchSize = 128;
    private readonly TrainedModel _model;
    private readonly Device _device;
    private readonly Lock _gate = new();

    private BackboneProbe(TrainedModel model, Device device, int dimensions)
    {
        _model = model;
        _device = device;
        Dimensions = dimensions;
    }

    /// <summary>The model's network (its backbone is what is probed).</summary>
    public ModelSpec Spec => _model.Module.Spec;

    /// <summary>Length of the embedding: the channels of the backbone's output (its width when the output is flat).</summary>
    public int Dimensions { get; }

    /// <summary>
    /// Loads a model written by <see cref="TrainedModel.SaveAsync"/> onto <paramref name="device"/> (the CPU when null: the
    /// embeddings are meta-features and must compare across hosts).
    /// </summary>
    /// <exception cref="ArgumentException">The model takes tables, not images.</exception>
    public static async Task<BackboneProbe> LoadAsync(Stream weights, Device? device = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weights);
        device ??= CPU;
        var model = await TrainedModel.LoadAsync(weights, device, cancellationToken);
        try
        {
            var input = model.Preprocessing.Input;
            if (!input.IsImage)
            {
                throw new ArgumentException($"the model takes tables ({input.Features} features); a backbone probe embeds images", nameof(weights));
            }

            model.Module.SetTraining(false);
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var probe = Pool(model.Module.ForwardBackbone(zeros([1, input.Channels, input.Height, input.Width], device: device)));
            return new BackboneProbe(model, device, (int)probe.shape[1]);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Whether the backbone takes these images (same channels, height and width).</summary>
    public bool Fits(ImageData images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var input = _model.Preprocessing.Input;
        return images.Channels == input.Channels && images.Height == input.Height && images.Width == input.Width;
    }

    /// <summary>
    /// Embeds at most <paramref name="maxImages"/> images drawn without replacement under <paramref name="seed"/> and
    /// scores how well the embeddings separate the dataset's classes.
    /// </summary>
    /// <exception cref="ArgumentException">The images do not have the shape the backbone takes.</exception>
    public BackboneProbeResult Probe(ImageData images, int seed, int maxImages = DefaultMaxImages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(images.Count, 1);
        if (!Fits(images))
        {
            var input = _model.Preprocessing.Input;
            throw new ArgumentException(
                $"images are {images.Channels}×{images.Height}×{images.Width}; the backbone of this benchmark model takes {input.Channels}×{input.Height}×{input.Width}",
                nameof(images));
        }

        var indices = Subsample(images.Count, maxImages, seed);
        var embeddings = Embed(images, indices, cancellationToken);
        var mean = new double[Dimensions];
        for (var i = 0; i < indices.Length; i++)
        {
            for (var j = 0; j < Dimensions; j++)
            {
                mean[j] += embeddings[(i * Dimensions) + j];
            }
        }

        var labels = indices.Select(i => images.Labels[i]).ToArray();
        var classes = Math.Max(images.Classes.Count, labels.Max() + 1);
        var score = LeaveOneOutCentroids.Accuracy(embeddings, indices.Length, Dimensions, labels, classes);
        var chance = labels.GroupBy(l => l).Max(g => g.Count()) / (double)labels.Length;
        return new BackboneProbeResult([.. mean.Select(m => (float)(m / indices.Length))], score, chance, indices.Length);
    }

    public void Dispose() => _model.Dispose();

    private float[] Embed(ImageData images, int[] indices, CancellationToken cancellationToken)
    {
        var result = new float[indices.Length * Dimensions];
        var set = new ImageExampleSet(images, indices, _model.Preprocessing.Normalization);
        var batch = Math.Min(BatchSize, indices.Length);
        var positions = new int[batch];
        lock (_gate)
        {
            using var batcher = new Batcher(set, batch, _device);
            _model.Module.SetTraining(false);
            using var noGrad = no_grad();
            for (var start = 0; start < indices.Length; start += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(batch, indices.Length - start);
                for (var k = 0; k < n; k++)
                {
                    positions[k] = start + k;
                }

                using var scope = NewDisposeScope();
                var (x, _) = batcher.Next(positions.AsSpan(0, n), null);
                var pooled = Pool(_model.Module.ForwardBackbone(x)).cpu().data<float>().ToArray();
                pooled.CopyTo(result.AsSpan(start * Dimensions, n * Dimensions));
            }
        }

        return result;
    }

    /// <summary>Global average pooling: <c>[N, C, ...]</c> to <c>[N, C]</c>; a flat <c>[N, F]</c> output stays as it is.</summary>
    private static Tensor Pool(Tensor output) => output.dim() > 2 ? output.flatten(2).mean([2L]) : output;

    private static int[] Subsample(int count, int cap, int seed)
    {
        var all = Enumerable.Range(0, count).ToArray();
        if (count > cap)
        {
            new Random(seed).Shuffle(all);
        }

        var chosen = all[..Math.Min(count, cap)];
        Array.Sort(chosen);
        return chosen;
    }
}
