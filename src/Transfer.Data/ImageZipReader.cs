using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Transfer.Contracts.Datasets;

namespace Transfer.Data;

/// <summary>
/// Reads a zip of class-named folders of PNG or JPEG images (<c>cat/001.png</c>, or all of it under one top folder).
/// Every image must decode and have the size of its siblings; the dataset is gray when every image is gray, else RGB.
/// Guards against unsafe paths and zip bombs (entry count, declared and actual expansion, compression ratio).
/// </summary>
public static class ImageZipReader
{
    private static readonly string[] _extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Decodes every image into memory.</summary>
    public static async Task<ImageData> ReadAsync(Stream zip, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var (_, data) = await ParseAsync(zip, limits ?? DatasetLimits.Default, collect: true, cancellationToken).ConfigureAwait(false);
        return data!;
    }

    /// <summary>Validates the archive, decoding each image once without keeping it, and returns the schema.</summary>
    public static async Task<DatasetSchema> InspectAsync(Stream zip, DatasetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var (schema, _) = await ParseAsync(zip, limits ?? DatasetLimits.Default, collect: false, cancellationToken).ConfigureAwait(false);
        return schema;
    }

    private static async Task<(DatasetSchema Schema, ImageData? Data)> ParseAsync(Stream zip, DatasetLimits limits, bool collect, CancellationToken cancellationToken)
    {
        await using var seekable = await SeekableCopy.EnsureAsync(zip, cancellationToken).ConfigureAwait(false);
        if (seekable.Length == 0)
        {
            throw new DatasetFormatException("empty", "The upload is empty: send a zip of class-named folders of PNG or JPEG images.");
        }

        using (var archive = ZipLayout.Open(seekable))
        {
            var files = ZipLayout.Plan(archive, limits);
            var classes = files.Select(f => f.ClassName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (classes.Length < 2)
            {
                throw new DatasetFormatException("single-class", $"The zip has images in {classes.Length} class folder(s); a classification dataset needs at least two (one folder per class).");
            }

            if (classes.Length > limits.MaxClasses)
            {
                throw new DatasetFormatException("too-many-classes", $"The zip has {classes.Length:N0} class folders; the limit is {limits.MaxClasses:N0}.");
            }

            if (files.Count > limits.MaxImages)
            {
                throw new DatasetFormatException("too-many-images", $"The zip has {files.Count:N0} images; the limit is {limits.MaxImages:N0}.");
            }

            var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            var counts = new long[classes.Length];
            var labels = new int[files.Count];
            byte[]? rgb = null;
            int width = 0, height = 0;
            var allGray = true;
            long expanded = 0;
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = files[i];
                var bytes = await ZipLayout.ReadEntryAsync(file.Entry, limits, expanded, cancellationToken).ConfigureAwait(false);
                expanded += bytes.Length;
                using var image = Decode(bytes, file.Entry.FullName, limits);
                if (i == 0)
                {
                    (width, height) = (image.Width, image.Height);
                    rgb = collect ? new byte[checked((long)files.Count * 3 * width * height)] : null;
                }
                else if (image.Width != width || image.Height != height)
                {
                    throw new DatasetFormatException("image-size-mismatch", $"'{file.Entry.FullName}' is {image.Width}x{image.Height} but '{files[0].Entry.FullName}' is {width}x{height}; every image must have the same size.");
                }

                allGray &= CopyPlanes(image, rgb is null ? default : rgb.AsSpan(checked(i * 3 * width * height), 3 * width * height));
                labels[i] = classIndex[file.ClassName];
                counts[labels[i]]++;
            }

            var channels = allGray ? 1 : 3;
            var schema = new DatasetSchema(
                DatasetFormat.ImageZip,
                files.Count,
                classes.Select((c, i) => new ClassCount(c, counts[i])).ToArray(),
                Image: new ImageShape(channels, height, width));
            if (rgb is null)
            {
                return (schema, null);
            }

            var pixels = allGray ? KeepFirstPlane(rgb, files.Count, width * height) : rgb;
            return (schema, new ImageData(files.Count, channels, height, width, pixels, labels, classes));
        }
    }

    internal static Image<Rgb24> Decode(byte[] bytes, string name, DatasetLimits limits)
    {
        try
        {
            var info = Image.Identify(bytes) ?? throw new UnknownImageFormatException("unknown format");
            if (info.Width > limits.MaxImageSide || info.Height > limits.MaxImageSide)
            {
                throw new DatasetFormatException("image-too-large", $"'{name}' is {info.Width}x{info.Height}; images may be at most {limits.MaxImageSide} pixels a side.");
            }

            return Image.Load<Rgb24>(bytes);
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException)
        {
            throw new DatasetFormatException("image-undecodable", $"'{name}' does not decode as a PNG or JPEG image ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes the image as three planes (R, G, B) when <paramref name="dest"/> is not empty; returns whether it is gray.</summary>
    internal static bool CopyPlanes(Image<Rgb24> image, Span<byte> dest)
    {
        var gray = true;
        var plane = image.Width * image.Height;
        var collect = !dest.IsEmpty;
        var local = collect ? dest.ToArray() : null;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    gray &= p.R == p.G && p.G == p.B;
                    if (local is not null)
                    {
                        var at = (y * row.Length) + x;
                        local[at] = p.R;
                        local[plane + at] = p.G;
                        local[(2 * plane) + at] = p.B;
                    }
                }
            }
        });
        local?.CopyTo(dest);
        return gray;
    }

    private static byte[] KeepFirstPlane(byte[] rgb, int count, int plane)
    {
        var gray = new byte[checked((long)count * plane)];
        for (var i = 0; i < count; i++)
        {
            rgb.AsSpan(i * 3 * plane, plane).CopyTo(gray.AsSpan(i * plane, plane));
        }

        return gray;
    }

    internal static bool IsImageName(string name) => _extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
