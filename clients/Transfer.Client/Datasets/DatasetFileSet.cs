using Transfer.Contracts.Datasets;

namespace Transfer.Client.Datasets;

/// <summary>
/// The files of a dataset on disk and their format: a CSV, an image zip, or an IDX pair (two files, or a folder that holds
/// one <c>*-idx3-ubyte*</c> and one <c>*-idx1-ubyte*</c> file). <see cref="FromPath"/> infers the format from the path.
/// </summary>
public sealed record DatasetFileSet(DatasetFormat Format, IReadOnlyList<DatasetFilePart> Parts)
{
    private const string ImagesMarker = "-idx3-ubyte";
    private const string LabelsMarker = "-idx1-ubyte";

    private static readonly string[] TableExtensions = [".csv", ".tsv", ".csv.gz", ".tsv.gz"];

    private static readonly HashSet<string> GenericStems = new(["data", "dataset", "images", "train", "test"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A name for the dataset when none is given: the file name without extensions (<c>iris.csv</c> is <c>iris</c>), or the
    /// folder's name for an IDX pair and for generic file names (<c>iris/data.csv</c> is <c>iris</c> too).
    /// </summary>
    public string DefaultName
    {
        get
        {
            var stem = Stem(Parts[0].Path);
            return Format == DatasetFormat.Idx || GenericStems.Contains(stem) ? FolderName(Parts[0].Path) ?? stem : stem;
        }
    }

    /// <summary>The bytes on disk over all parts.</summary>
    public long TotalBytes => Parts.Sum(p => new FileInfo(p.Path).Length);

    /// <summary>A file (CSV or zip, or IDX when <paramref name="format"/> says so and the path is a folder) or an IDX folder.</summary>
    /// <exception cref="ArgumentException">The format cannot be inferred, or does not fit the path.</exception>
    /// <exception cref="FileNotFoundException">The path does not exist, or an IDX folder lacks one of its files.</exception>
    public static DatasetFileSet FromPath(string path, DatasetFormat? format = null)
    {
        if (Directory.Exists(path))
        {
            if (format is not (null or DatasetFormat.Idx))
            {
                throw new ArgumentException($"'{path}' is a folder; only an IDX pair is uploaded from a folder.", nameof(format));
            }

            return FromIdxFolder(path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var resolved = format ?? InferFormat(path);
        if (resolved == DatasetFormat.Idx)
        {
            throw new ArgumentException($"An IDX dataset is two files: give the images and labels files, or the folder that holds them (not '{path}').", nameof(path));
        }

        return new DatasetFileSet(resolved, [new DatasetFilePart(DatasetParts.Data, path)]);
    }

    /// <summary>An IDX pair from its two files.</summary>
    public static DatasetFileSet FromIdxPair(string imagesPath, string labelsPath)
    {
        foreach (var file in new[] { imagesPath, labelsPath })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"'{file}' does not exist.", file);
            }
        }

        return new DatasetFileSet(DatasetFormat.Idx, [new DatasetFilePart(DatasetParts.Images, imagesPath), new DatasetFilePart(DatasetParts.Labels, labelsPath)]);
    }

    /// <summary>The format a file name implies: <c>.csv</c> or <c>.tsv</c> (plain or <c>.gz</c>) is CSV, <c>.zip</c> an image zip, a name with <c>-idx3-ubyte</c> or <c>-idx1-ubyte</c> IDX.</summary>
    public static DatasetFormat InferFormat(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (TableExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return DatasetFormat.Csv;
        }

        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return DatasetFormat.ImageZip;
        }

        if (name.Contains(ImagesMarker, StringComparison.OrdinalIgnoreCase) || name.Contains(LabelsMarker, StringComparison.OrdinalIgnoreCase))
        {
            return DatasetFormat.Idx;
        }

        throw new ArgumentException($"Cannot tell the format of '{name}' from its name: give the format (csv, zip or idx).", nameof(path));
    }

    private static DatasetFileSet FromIdxFolder(string folder)
    {
        var files = Directory.GetFiles(folder);
        return FromIdxPair(Single(files, ImagesMarker, folder), Single(files, LabelsMarker, folder));
    }

    private static string Single(string[] files, string marker, string folder)
    {
        var matches = files.Where(f => System.IO.Path.GetFileName(f).Contains(marker, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new FileNotFoundException($"'{folder}' holds no *{marker}* file."),
            _ => throw new ArgumentException($"'{folder}' holds {matches.Count} *{marker}* files; name the images and labels files instead."),
        };
    }

    private static string? FolderName(string path) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder ? new DirectoryInfo(folder).Name : null;

    private static string Stem(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return System.IO.Path.GetFileNameWithoutExtension(name);
    }
}
