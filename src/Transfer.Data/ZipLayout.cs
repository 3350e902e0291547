using System.IO.Compression;

namespace Transfer.Data;

/// <summary>Checks a zip's entries (paths, counts, sizes) and maps image files to their class folders.</summary>
internal static class ZipLayout
{
    internal sealed record ImageEntry(ZipArchiveEntry Entry, string ClassName);

    /// <summary>Opens a seekable upload as a zip archive (left open), refusing one that is not readable.</summary>
    public static ZipArchive Open(Stream seekable)
    {
        try
        {
            return new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetFormatException("zip-corrupt", $"The upload is not a readable zip archive ({ex.Message}). Is it truncated?", ex);
        }
    }

    public static IReadOnlyList<ImageEntry> Plan(ZipArchive archive, DatasetLimits limits)
    {
        var files = ImageFiles(archive, limits);
        if (files.Count == 0)
        {
            throw new DatasetFormatException("empty", "The zip holds no images: put PNG or JPEG files in one folder per class (e.g. 'cat/001.png').");
        }

        // Class folder = the second-to-last path segment; one shared top folder (a zipped directory) is allowed.
        var depth = files.Select(f => f.Parts.Length).Distinct().ToArray();
        if (depth.Length != 1 || depth[0] is not (2 or 3) || (depth[0] == 3 && files.Select(f => f.Parts[0]).Distinct().Count() != 1))
        {
            var sample = files.First(f => f.Parts.Length != 2).Entry.FullName;
            throw new DatasetFormatException("zip-layout", $"The zip must hold one folder per class with the images directly inside ('cat/001.png'), optionally under one top folder; '{sample}' does not fit.");
        }

        return files.Select(f => new ImageEntry(f.Entry, f.Parts[^2])).ToArray();
    }

    /// <summary>
    /// The image files of the archive in its order, with their path segments, in any folder layout; folders, hidden files
    /// and macOS resource forks are skipped. Refuses unsafe paths, zip bombs and files that are not PNG or JPEG by name.
    /// </summary>
    public static IReadOnlyList<(ZipArchiveEntry Entry, string[] Parts)> ImageFiles(ZipArchive archive, DatasetLimits limits)
    {
        if (archive.Entries.Count > limits.MaxZipEntries)
        {
            throw new DatasetFormatException("zip-bomb", $"The zip has {archive.Entries.Count:N0} entries; the limit is {limits.MaxZipEntries:N0}.");
        }

        long declared = 0;
        var files = new List<(ZipArchiveEntry Entry, string[] Parts)>();
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            var parts = name.Replace('\\', '/').Split('/');
            if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':') || parts.Any(p => p == ".."))
            {
                throw new DatasetFormatException("zip-unsafe-path", $"The zip entry '{name}' has an absolute path or a '..' segment; entries must be relative paths like 'cat/001.png'.");
            }

            declared += entry.Length;
            if (declared > limits.MaxZipExpandedBytes)
            {
                throw new DatasetFormatException("zip-bomb", $"The zip expands to more than {limits.MaxZipExpandedBytes:N0} bytes, the limit.");
            }

            if (entry.Length > 65_536 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxZipCompressionRatio)
            {
                throw new DatasetFormatException("zip-bomb", $"The zip entry '{name}' expands {entry.Length / entry.CompressedLength:N0}-fold; more than {limits.MaxZipCompressionRatio}-fold looks like a zip bomb, not images.");
            }

            if (name.EndsWith('/') || parts.Any(p => p.StartsWith('.') || p == "__MACOSX"))
            {
                continue; // folders, hidden files and macOS resource forks
            }

            if (!ImageZipReader.IsImageName(name))
            {
                throw new DatasetFormatException("zip-not-image", $"The zip entry '{name}' is not a .png, .jpg or .jpeg file.");
            }

            files.Add((entry, parts));
        }

        return files;
    }

    public static async Task<byte[]> ReadEntryAsync(ZipArchiveEntry entry, DatasetLimits limits, long expandedSoFar, CancellationToken cancellationToken)
    {
        var cap = Math.Min(entry.Length, limits.MaxZipExpandedBytes - expandedSoFar);
        try
        {
            await using var stream = entry.Open();
            using var buffer = new MemoryStream((int)Math.Min(cap, 1 << 20));
            var chunk = new byte[81_920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > cap)
                {
                    throw new DatasetFormatException("zip-bomb", $"The zip entry '{entry.FullName}' inflates past its declared size or the archive's limit.");
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetFormatException("zip-corrupt", $"The zip entry '{entry.FullName}' is corrupt ({ex.Message}). Is the archive truncated?", ex);
        }
    }
}
