namespace Transfer.Contracts.Workers;

/// <summary>
/// One silo of the cluster and how busy it is, as Orleans last measured it: CPU (0-100 %), memory, activations. GPU
/// figures are null where the silo has no GPU (or does not measure it).
/// </summary>
public sealed record WorkerInfo(
    string Address,
    string? Name,
    string? HostName,
    string? Role,
    string Status,
    double? CpuPercent,
    long? MemoryUsedBytes,
    long? MemoryAvailableBytes,
    long? MemoryTotalBytes,
    int Activations,
    bool IsOverloaded,
    double? GpuPercent,
    long? GpuMemoryUsedBytes,
    DateTimeOffset MeasuredAt);
