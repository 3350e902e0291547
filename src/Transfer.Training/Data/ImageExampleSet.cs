using Transfer.Contracts.Training;
using Transfer.Data;

namespace Transfer.Training.Data;

/// <summary>
/// The images at <see cref="Indices"/> of an <see cref="ImageData"/>, normalised per channel through a 256-entry
/// lookup table, with optional flip, padded random crop and Gaussian noise.
/// </summary>
public sealed class ImageExampleSet : IExampleSet
{
    private readonly ImageData _data;
    private readonly float[][] _lookup;
    private readonly AugmentationConfig _augmentation;

    public ImageExampleSet(ImageData data, int[] indices, NormalizationStats stats, AugmentationConfig? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stats);
        _data = data;
        Indices = indices;
        _augmentation = augmentation ?? AugmentationConfig.None;
        _lookup = new float[data.Channels][];
        for (var c = 0; c < data.Channels; c++)
        {
            _lookup[c] = new float[256];
            for (var v = 0; v < 256; v++)
            {
                _lookup[c][v] = ((v / 255f) - stats.Mean[c]) / stats.Std[c];
            }
        }

        ExampleShape = [data.Channels, data.Height, data.Width];
    }

    /// <summary>The dataset rows in this split.</summary>
    public int[] Indices { get; }

    public int Count => Indices.Length;

    public int Classes => _data.Classes.Count;

    public IReadOnlyList<long> ExampleShape { get; }

    public int ExampleSize => _data.ImageSize;

    public int Label(int position) => _data.Labels[Indices[position]];

    public void Fill(ReadOnlySpan<int> positions, Span<float> features, Span<long> labels, Random? augmentation)
    {
        var size = ExampleSize;
        for (var k = 0; k < positions.Length; k++)
        {
            var index = Indices[positions[k]];
            labels[k] = _data.Labels[index];
            var target = features.Slice(k * size, size);
            if (augmentation is not null && _augmentation.IsActive)
            {
                FillAugmented(_data.Image(index), target, augmentation);
            }
            else
            {
                FillPlain(_data.Image(index), target);
            }
        }
    }

    private void FillPlain(ReadOnlySpan<byte> image, Span<float> target)
    {
        var plane = _data.Height * _data.Width;
        for (var c = 0; c < _data.Channels; c++)
        {
            var lut = _lookup[c];
            var src = image.Slice(c * plane, plane);
            var dst = target.Slice(c * plane, plane);
            for (var p = 0; p < src.Length; p++)
            {
                dst[p] = lut[src[p]];
            }
        }
    }

    private void FillAugmented(ReadOnlySpan<byte> image, Span<float> target, Random rng)
    {
        int h = _data.Height, w = _data.Width, plane = h * w, pad = _augmentation.CropPadding;
        var flip = _augmentation.FlipHorizontal && rng.Next(2) == 1;
        var dy = pad > 0 ? rng.Next(-pad, pad + 1) : 0;
        var dx = pad > 0 ? rng.Next(-pad, pad + 1) : 0;
        for (var c = 0; c < _data.Channels; c++)
        {
            var lut = _lookup[c];
            var src = image.Slice(c * plane, plane);
            for (var y = 0; y < h; y++)
            {
                var sy = y + dy;
                for (var x = 0; x < w; x++)
                {
                    var sx = (flip ? w - 1 - x : x) + dx;
                    var inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
                    target[(c * plane) + (y * w) + x] = lut[inside ? src[(sy * w) + sx] : 0];
                }
            }
        }

        if (_augmentation.NoiseStd > 0)
        {
            AddNoise(target, rng, (float)_augmentation.NoiseStd);
        }
    }

    private static void AddNoise(Span<float> target, Random rng, float std)
    {
        for (var i = 0; i < target.Length; i += 2)
        {
            // Box–Muller: two normal draws per pair of uniforms.
            var u1 = 1.0 - rng.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            var theta = 2.0 * Math.PI * rng.NextDouble();
            target[i] += std * (float)(r * Math.Cos(theta));
            if (i + 1 < target.Length)
            {
                target[i + 1] += std * (float)(r * Math.Sin(theta));
            }
        }
    }
}
