using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Transfer.Contracts.Datasets;

namespace Transfer.Data;

/// <summary>
/// Reads images to predict with a trained image model: a zip of PNG or JPEG files in any folder layout (folder names are
/// not labels; the names are the paths in the zip, in its order), or one PNG or JPEG file. Each image is brought to the
/// model's input: resized (bicubic) when its size differs, made gray (BT.709 luminance) for a gray model, its gray value
/// copied to all three channels for an RGB one. Unsafe paths, zip bombs and undecodable files are refused as in uploads.
/// <see cref="Fit"/> does the same for images already decoded, such as an IDX file's.
/// </summary>
public static class PredictionImages
{
    private static readonly byte[] _zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] _emptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] _jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>What a file of examples holds, from its first bytes (at least 4 for a sure answer).</summary>
    public static ExampleFormat Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(_zip) || head.StartsWith(_emptyZip) ? ExampleFormat.Zip
        : head.StartsWith(_png) || head.StartsWith(_jpeg) ? ExampleFormat.Image
        : ExampleFormat.Table;

    /// <summary>Reads the images of <paramref name="data"/> (a zip or one image, named <paramref name="name"/>) at the shape <paramref name="target"/>.</summary>
    /// <exception cref="DatasetFormatException">Not a zip or an image, no image in the zip, an unsafe or undecodable entry, or past a limit.</exception>
    public static async Task<NamedImages> ReadAsync(Stream data, string name, ImageShape target, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        limits ??= DatasetLimits.Default;
        await using var seekable = await SeekableCopy.EnsureAsync(data, cancellationToken).ConfigureAwait(false);
        var head = new byte[4];
        var read = await seekable.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        seekable.Position = 0;
        switch (Sniff(head.AsSpan(0, read)))
        {
            case ExampleFormat.Image:
                var bytes = new byte[seekable.Length];
                await seekable.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                var one = new byte[target.Channels * target.Height * target.Width];
                Convert(bytes, name, target, limits, one);
                return new NamedImages(ImageData.Unlabeled(1, target.Channels, target.Height, target.Width, one), [name]);
            case ExampleFormat.Zip:
                return await ReadZipAsync(seekable, target, limits, cancellationToken).ConfigureAwait(false);
            default:
                throw new DatasetFormatException("not-images", $"'{name}' is neither a zip archive nor a PNG or JPEG image.");
        }
    }

    /// <summary>
    /// Brings decoded images (an IDX file's, say) to the shape <paramref name="target"/> as <see cref="ReadAsync"/> brings
    /// PNG and JPEG files: resized (bicubic) and converted to the target's channels. Images already of that shape are
    /// returned as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The images have neither 1 nor 3 channels.</exception>
    public static ImageData Fit(ImageData images, ImageShape target)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(target);
        if ((images.Channels, images.Height, images.Width) == (target.Channels, target.Height, target.Width))
        {
            return images;
        }

        if (images.Channels is not (1 or 3))
        {
            throw new ArgumentException($"Images of {images.Channels} channels cannot be converted; 1 (gray) or 3 (RGB) can.", nameof(images));
        }

        var size = target.Channels * target.Height * target.Width;
        var pixels = new byte[checked((long)images.Count * size)];
        var plane = images.Height * images.Width;
        var rgb = new Rgb24[plane]; // one buffer: LoadPixelData copies it
        for (var i = 0; i < images.Count; i++)
        {
            var source = images.Image(i);
            for (var at = 0; at < plane; at++)
            {
                rgb[at] = images.Channels == 1
                    ? new Rgb24(source[at], source[at], source[at])
                    : new Rgb24(source[at], source[plane + at], source[(2 * plane) + at]);
            }

            using var image = Image.LoadPixelData<Rgb24>(rgb, images.Width, images.Height);
            Write(image, target, pixels.AsSpan(i * size, size));
        }

        return ImageData.Unlabeled(images.Count, target.Channels, target.Height, target.Width, pixels);
    }

    private static async Task<NamedImages> ReadZipAsync(Stream seekable, ImageShape target, DatasetLimits limits, CancellationToken cancellationToken)
    {
        using (var archive = ZipLayout.Open(seekable))
        {
            var files = ZipLayout.ImageFiles(archive, limits);
            if (files.Count == 0)
            {
                throw new DatasetFormatException("empty", "The zip holds no PNG or JPEG images.");
            }

            if (files.Count > limits.MaxImages)
            {
                throw new DatasetFormatException("too-many-images", $"The zip has {files.Count:N0} images; the limit is {limits.MaxImages:N0}.");
            }

            var size = target.Channels * target.Height * target.Width;
            var pixels = new byte[checked((long)files.Count * size)];
            long expanded = 0;
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bytes = await ZipLayout.ReadEntryAsync(files[i].Entry, limits, expanded, cancellationToken).ConfigureAwait(false);
                expanded += bytes.Length;
                Convert(bytes, files[i].Entry.FullName, target, limits, pixels.AsSpan(i * size, size));
            }

            return new NamedImages(ImageData.Unlabeled(files.Count, target.Channels, target.Height, target.Width, pixels), [.. files.Select(f => f.Entry.FullName)]);
        }
    }

    /// <summary>Decodes one image and writes it at the target shape, channels first.</summary>
    private static void Convert(byte[] bytes, string name, ImageShape target, DatasetLimits limits, Span<byte> dest)
    {
        using var image = ImageZipReader.Decode(bytes, name, limits);
        Write(image, target, dest);
    }

    /// <summary>Writes an image at the target shape, channels first: resized when its size differs, then gray or RGB planes.</summary>
    private static void Write(Image<Rgb24> image, ImageShape target, Span<byte> dest)
    {
        if (image.Width != target.Width || image.Height != target.Height)
        {
            image.Mutate(x => x.Resize(target.Width, target.Height, KnownResamplers.Bicubic));
        }

        if (target.Channels == 3)
        {
            ImageZipReader.CopyPlanes(image, dest); // R, G and B planes, as an RGB upload is read
            return;
        }

        var gray = new byte[dest.Length];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    gray[(y * row.Length) + x] = p.R == p.G && p.G == p.B ? p.R : Luminance(p);
                }
            }
        });
        gray.CopyTo(dest);
    }

    private static byte Luminance(Rgb24 p) => (byte)Math.Clamp(Math.Round((0.2126 * p.R) + (0.7152 * p.G) + (0.0722 * p.B)), 0, 255);
}
