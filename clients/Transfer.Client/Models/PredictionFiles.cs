using System.IO.Compression;
using System.Net.Http.Headers;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Models;

/// <summary>
/// Examples to predict at a path, as the one multipart part the server reads: an IDX images file, or the folder that
/// holds one (part 'images'; a labels file beside it is not needed and not sent); a folder of PNG or JPEG images,
/// zipped on the fly with their paths relative to it (part 'data'); any other file as 'data': a CSV (no label column
/// needed), a zip of images in any folder layout, or one PNG or JPEG image (the server tells them apart by their bytes).
/// </summary>
public static class PredictionFiles
{
    private const string ImagesMarker = "-idx3-ubyte";
    private const string LabelsMarker = "-idx1-ubyte";
    private static readonly string[] _imageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The form to send for <paramref name="path"/>; dispose it (it owns the file stream or the zip built in memory).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or a folder holds neither an IDX images file nor images.</exception>
    /// <exception cref="ArgumentException">An IDX labels file alone, or a folder with more than one IDX images file.</exception>
    public static MultipartFormDataContent Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (part, name, content) = Directory.Exists(path) ? FromFolder(path) : FromFile(path);
        return Form(part, name, content);
    }

    /// <summary>
    /// The form for examples held in a stream, named <paramref name="fileName"/> as a file would be (a name with
    /// <c>-idx3-ubyte</c> is an IDX images file, anything else is sent as 'data'). The stream is read from its position to its
    /// end and left open.
    /// </summary>
    /// <exception cref="ArgumentException">The name is an IDX labels file's.</exception>
    public static async Task<MultipartFormDataContent> FromStreamAsync(Stream examples, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = Path.GetFileName(fileName);
        var part = PartFor(name);
        var copy = new MemoryStream(); // the form disposes what it sends; the caller's stream stays theirs
        await examples.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        return Form(part, name, copy);
    }

    private static MultipartFormDataContent Form(string part, string name, Stream content)
    {
        var form = new MultipartFormDataContent();
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(body, part, name);
        return form;
    }

    private static string PartFor(string name) =>
        name.Contains(LabelsMarker, StringComparison.OrdinalIgnoreCase)
            ? throw new ArgumentException($"'{name}' is an IDX labels file: give the images file (*{ImagesMarker}*) or its folder. Predicting needs no labels.", nameof(name))
            : name.Contains(ImagesMarker, StringComparison.OrdinalIgnoreCase) ? DatasetParts.Images : DatasetParts.Data;

    private static (string Part, string Name, Stream Content) FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var name = Path.GetFileName(path);
        return (PartFor(name), name, File.OpenRead(path));
    }

    private static (string Part, string Name, Stream Content) FromFolder(string folder)
    {
        var idx = Directory.GetFiles(folder).Where(f => Path.GetFileName(f).Contains(ImagesMarker, StringComparison.OrdinalIgnoreCase)).ToList();
        if (idx.Count > 1)
        {
            throw new ArgumentException($"'{folder}' holds {idx.Count} *{ImagesMarker}* files; give the one to predict.", nameof(folder));
        }

        if (idx.Count == 1)
        {
            return (DatasetParts.Images, Path.GetFileName(idx[0]), File.OpenRead(idx[0]));
        }

        var images = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => _imageExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (images.Count == 0)
        {
            throw new FileNotFoundException($"'{folder}' holds no IDX images file (*{ImagesMarker}*) and no PNG or JPEG images.");
        }

        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var image in images)
            {
                archive.CreateEntryFromFile(Path.Combine(folder, image), image, CompressionLevel.NoCompression); // PNG and JPEG are compressed already
            }
        }

        zip.Position = 0;
        return (DatasetParts.Data, new DirectoryInfo(folder).Name + ".zip", zip);
    }
}
