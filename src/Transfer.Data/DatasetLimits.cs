namespace Transfer.Data;

/// <summary>
/// Bounds applied while reading an uploaded dataset, so that a hostile or broken file is rejected while it streams
/// rather than after it exhausted memory or disk.
/// </summary>
public sealed record DatasetLimits
{
    /// <summary>The defaults used by the server and by readers called without limits.</summary>
    public static DatasetLimits Default { get; } = new();

    /// <summary>Most data rows in a CSV.</summary>
    public long MaxRows { get; init; } = 5_000_000;

    /// <summary>Most columns in a CSV.</summary>
    public int MaxColumns { get; init; } = 10_000;

    /// <summary>Most distinct classes.</summary>
    public int MaxClasses { get; init; } = 1_000;

    /// <summary>Most distinct values a categorical feature column may take before it is rejected.</summary>
    public int MaxCategories { get; init; } = 1_000;

    /// <summary>Most images (IDX or zip).</summary>
    public long MaxImages { get; init; } = 2_000_000;

    /// <summary>Largest image side, in pixels.</summary>
    public int MaxImageSide { get; init; } = 1_024;

    /// <summary>Most entries in a zip archive (files and folders).</summary>
    public int MaxZipEntries { get; init; } = 200_000;

    /// <summary>Most bytes a zip may expand to, summed over entries and counted while inflating.</summary>
    public long MaxZipExpandedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Largest expanded/compressed ratio of one zip entry (a zip bomb has thousands).</summary>
    public int MaxZipCompressionRatio { get; init; } = 200;

    /// <summary>Most bytes a gzip stream may expand to.</summary>
    public long MaxGzipExpandedBytes { get; init; } = 4L * 1024 * 1024 * 1024;
}
