using System.Buffers.Binary;
using Transfer.Contracts.Datasets;

namespace Transfer.Data;

/// <summary>
/// Reads an IDX pair (the MNIST / Fashion-MNIST format): an unsigned-byte image file of shape
/// <c>[N, H, W]</c> or <c>[N, H, W, C]</c> and a label file of shape <c>[N]</c>, each plain or gzip.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Decodes the pair into memory.</summary>
    public static async Task<ImageData> ReadAsync(
        Stream images,
        Stream labels,
        IReadOnlyList<string>? classNames = null,
        DatasetLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        var result = await ParseAsync(images, labels, classNames, limits ?? DatasetLimits.Default, collect: true, cancellationToken).ConfigureAwait(false);
        return result.Data!;
    }

    /// <summary>Validates the pair while streaming it (no whole file in memory) and returns its schema.</summary>
    public static async Task<DatasetSchema> InspectAsync(
        Stream images,
        Stream labels,
        DatasetLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        var result = await ParseAsync(images, labels, null, limits ?? DatasetLimits.Default, collect: false, cancellationToken).ConfigureAwait(false);
        return result.Schema;
    }

    /// <summary>
    /// Decodes an images file alone, without labels (examples to predict): <see cref="ImageData.Unlabeled"/>. Limits and
    /// shape rules as for a dataset's.
    /// </summary>
    public static async Task<ImageData> ReadImagesAsync(Stream images, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        limits ??= DatasetLimits.Default;
        await using var imagesIn = await CompressionSniffer.OpenMaybeGzipAsync(images, limits.MaxGzipExpandedBytes, "The images file", cancellationToken).ConfigureAwait(false);
        var imageDims = await ReadImagesHeaderAsync(imagesIn, cancellationToken).ConfigureAwait(false);

        var (height, width, channels) = CheckShape(imageDims, limits);
        if (imageDims[0] == 0)
        {
            throw new DatasetFormatException("empty", "The images file holds no images.");
        }

        var pixels = await ReadPixelsAsync(imagesIn, imageDims[0], height, width, channels, collect: true, cancellationToken).ConfigureAwait(false);
        return ImageData.Unlabeled(imageDims[0], channels, height, width, pixels!);
    }

    private static async Task<(DatasetSchema Schema, ImageData? Data)> ParseAsync(
        Stream imageStream,
        Stream labelStream,
        IReadOnlyList<string>? classNames,
        DatasetLimits limits,
        bool collect,
        CancellationToken cancellationToken)
    {
        await using var labelsIn = await CompressionSniffer.OpenMaybeGzipAsync(labelStream, limits.MaxGzipExpandedBytes, "The labels file", cancellationToken).ConfigureAwait(false);
        await using var imagesIn = await CompressionSniffer.OpenMaybeGzipAsync(imageStream, limits.MaxGzipExpandedBytes, "The images file", cancellationToken).ConfigureAwait(false);

        var labelDims = await ReadHeaderAsync(labelsIn, "labels", cancellationToken).ConfigureAwait(false);
        if (labelDims.Length != 1)
        {
            throw new DatasetFormatException("idx-bad-header", $"The labels file must have 1 dimension, but its header says {labelDims.Length}.");
        }

        var imageDims = await ReadImagesHeaderAsync(imagesIn, cancellationToken).ConfigureAwait(false);

        long count = imageDims[0];
        if (labelDims[0] != count)
        {
            throw new DatasetFormatException("idx-count-mismatch", $"The images file holds {count:N0} images but the labels file holds {labelDims[0]:N0} labels; they must match.");
        }

        var (height, width, channels) = CheckShape(imageDims, limits);
        var labelBytes = new byte[count];
        await ReadExactlyAsync(labelsIn, labelBytes, "labels", count, cancellationToken).ConfigureAwait(false);
        await EnsureEndAsync(labelsIn, "labels", cancellationToken).ConfigureAwait(false);
        var pixels = await ReadPixelsAsync(imagesIn, count, height, width, channels, collect, cancellationToken).ConfigureAwait(false);

        var values = labelBytes.Distinct().Order().ToArray();
        if (values.Length < 2)
        {
            throw new DatasetFormatException("single-class", $"Every label is {values.FirstOrDefault()}: a classification dataset needs at least two classes.");
        }

        var index = new int[256];
        for (var i = 0; i < values.Length; i++)
        {
            index[values[i]] = i;
        }

        var names = values.Select(v => classNames is not null && v < classNames.Count ? classNames[v] : v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var counts = new long[values.Length];
        var labelIndices = new int[count];
        for (var i = 0; i < count; i++)
        {
            labelIndices[i] = index[labelBytes[i]];
            counts[labelIndices[i]]++;
        }

        var schema = new DatasetSchema(
            DatasetFormat.Idx,
            count,
            names.Select((n, i) => new ClassCount(n, counts[i])).ToArray(),
            Image: new ImageShape(channels, height, width));
        var data = pixels is null ? null : new ImageData((int)count, channels, height, width, pixels, labelIndices, names);
        return (schema, data);
    }

    private static async Task<int[]> ReadImagesHeaderAsync(Stream imagesIn, CancellationToken cancellationToken)
    {
        var imageDims = await ReadHeaderAsync(imagesIn, "images", cancellationToken).ConfigureAwait(false);
        return imageDims.Length is 3 or 4
            ? imageDims
            : throw new DatasetFormatException("idx-bad-header", $"The images file must have 3 dimensions [N, H, W] or 4 [N, H, W, C], but its header says {imageDims.Length}.");
    }

    private static (int Height, int Width, int Channels) CheckShape(int[] imageDims, DatasetLimits limits)
    {
        long count = imageDims[0];
        int height = imageDims[1], width = imageDims[2], channels = imageDims.Length == 4 ? imageDims[3] : 1;
        if (count > limits.MaxImages)
        {
            throw new DatasetFormatException("too-many-images", $"The dataset has {count:N0} images; the limit is {limits.MaxImages:N0}.");
        }

        if (height < 1 || width < 1 || height > limits.MaxImageSide || width > limits.MaxImageSide || channels is not (1 or 3))
        {
            throw new DatasetFormatException("idx-bad-shape", $"Images of {height}x{width} with {channels} channel(s) are not supported: sides must be 1..{limits.MaxImageSide} and channels 1 or 3.");
        }

        return (height, width, channels);
    }

    /// <summary>Reads <paramref name="count"/> images to the end of the file, channels first; null when not collecting.</summary>
    private static async Task<byte[]?> ReadPixelsAsync(Stream imagesIn, long count, int height, int width, int channels, bool collect, CancellationToken cancellationToken)
    {
        var imageSize = checked(channels * height * width);
        var pixels = collect ? new byte[checked(count * imageSize)] : null;
        var buffer = new byte[imageSize * Math.Max(1, 65_536 / imageSize)];
        long done = 0;
        while (done < count)
        {
            var batch = (int)Math.Min(buffer.Length / imageSize, count - done);
            var chunk = buffer.AsMemory(0, batch * imageSize);
            await ReadExactlyAsync(imagesIn, chunk, "images", count, cancellationToken).ConfigureAwait(false);
            if (pixels is not null)
            {
                for (var i = 0; i < batch; i++)
                {
                    ToChannelsFirst(chunk.Span.Slice(i * imageSize, imageSize), pixels.AsSpan(checked((int)((done + i) * imageSize)), imageSize), channels, height * width);
                }
            }

            done += batch;
        }

        await EnsureEndAsync(imagesIn, "images", cancellationToken).ConfigureAwait(false);
        return pixels;
    }

    private static void ToChannelsFirst(ReadOnlySpan<byte> hwc, Span<byte> chw, int channels, int plane)
    {
        if (channels == 1)
        {
            hwc.CopyTo(chw);
            return;
        }

        for (var p = 0; p < plane; p++)
        {
            for (var c = 0; c < channels; c++)
            {
                chw[(c * plane) + p] = hwc[(p * channels) + c];
            }
        }
    }

    private static async Task<int[]> ReadHeaderAsync(Stream stream, string which, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        await ReadExactlyAsync(stream, magic, which, null, cancellationToken).ConfigureAwait(false);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new DatasetFormatException("idx-bad-header", $"The {which} file is not an IDX file: it must start with two zero bytes (MNIST format).");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new DatasetFormatException("idx-bad-header", $"The {which} file stores type 0x{magic[2]:x2}; only unsigned bytes (0x08) are supported.");
        }

        if (magic[3] is 0 or > 4)
        {
            throw new DatasetFormatException("idx-bad-header", $"The {which} file's header says {magic[3]} dimensions; 1 to 4 are supported.");
        }

        var dims = new byte[4 * magic[3]];
        await ReadExactlyAsync(stream, dims, which, null, cancellationToken).ConfigureAwait(false);
        var result = new int[magic[3]];
        for (var i = 0; i < result.Length; i++)
        {
            var d = BinaryPrimitives.ReadUInt32BigEndian(dims.AsSpan(4 * i));
            result[i] = d > int.MaxValue
                ? throw new DatasetFormatException("idx-bad-header", $"The {which} file's dimension {i} is {d}, which is too large.")
                : (int)d;
        }

        return result;
    }

    private static async Task ReadExactlyAsync(Stream stream, Memory<byte> buffer, string which, long? expected, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            var what = expected is null ? "its header" : $"the {expected:N0} entries its header promises";
            throw new DatasetFormatException("idx-truncated", $"The {which} file is truncated: it ends before {what}.", ex);
        }
    }

    private static async Task EnsureEndAsync(Stream stream, string which, CancellationToken cancellationToken)
    {
        var probe = new byte[1];
        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) != 0)
        {
            throw new DatasetFormatException("idx-trailing-bytes", $"The {which} file has bytes after the entries its header declares; it is not a well-formed IDX file.");
        }
    }
}
