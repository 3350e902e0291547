using System.ComponentModel.DataAnnotations;

namespace Transfer.Server.Options;

/// <summary>Upload and dataset limits. Bound from <c>Transfer:Limits</c>.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Transfer:Limits";

    /// <summary>Largest upload, all parts together; larger bodies are cut off while streaming with 413.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1L << 30;

    [Range(1, long.MaxValue)]
    public long MaxRows { get; set; } = 5_000_000;

    [Range(1, int.MaxValue)]
    public int MaxZipEntries { get; set; } = 200_000;

    [Range(1, long.MaxValue)]
    public long MaxZipExpandedBytes { get; set; } = 4L << 30;

    [Range(1, 1_000_000)]
    public int MaxClasses { get; set; } = 1_000;

    [Range(1, 1_000)]
    public int MaxPageSize { get; set; } = 200;
}
