using System.Buffers.Binary;

namespace Transfer.Data;

/// <summary>
/// Writes an <see cref="ImageData"/> as an IDX pair that <see cref="IdxReader"/> reads back: unsigned-byte images of
/// <c>[count, height, width]</c> (gray) or <c>[count, height, width, channels]</c> (colour, pixels interleaved) and
/// unsigned-byte labels. IDX has no class names: label <c>i</c> is class <c>i</c>.
/// </summary>
public static class IdxWriter
{
    /// <summary>Writes the images file (uncompressed; wrap the stream in a GZipStream for <c>.gz</c>).</summary>
    public static async Task WriteImagesAsync(ImageData data, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        var dims = data.Channels == 1 ? new[] { data.Count, data.Height, data.Width } : [data.Count, data.Height, data.Width, data.Channels];
        await destination.WriteAsync(Header(dims), cancellationToken).ConfigureAwait(false);
        var plane = data.Height * data.Width;
        var image = new byte[data.ImageSize];
        for (var i = 0; i < data.Count; i++)
        {
            var chw = data.Image(i);
            for (var p = 0; p < plane; p++)
            {
                for (var c = 0; c < data.Channels; c++)
                {
                    image[(p * data.Channels) + c] = chw[(c * plane) + p];
                }
            }

            await destination.WriteAsync(image, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the labels file (uncompressed). Labels must fit in a byte (at most 256 classes).</summary>
    public static async Task WriteLabelsAsync(ImageData data, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        if (data.Classes.Count > 256)
        {
            throw new ArgumentException($"IDX labels are bytes: {data.Classes.Count} classes do not fit.", nameof(data));
        }

        await destination.WriteAsync(Header([data.Count]), cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(data.Labels.Select(l => (byte)l).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Header(int[] dims)
    {
        var header = new byte[4 + (4 * dims.Length)];
        header[2] = 0x08;
        header[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + (4 * i)), dims[i]);
        }

        return header;
    }
}
