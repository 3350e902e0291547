namespace Transfer.Contracts.Knowledge;

/// <summary>A group benchmark model's training: what it trains on, the job that trains it, and how far it is.</summary>
/// <param name="ModelId">The benchmark model it publishes.</param>
/// <param name="GroupId">The group it serves (of the grouping current when it started).</param>
/// <param name="DatasetId">The virtual dataset (stored in the caller's tenant, kept out of the knowledge base's groups).</param>
/// <param name="JobId">The job that trains it (one from-scratch trial of the default configuration).</param>
/// <param name="Members">The member datasets it combines (knowledge keys <c>tenant/dataset</c>).</param>
/// <param name="Skipped">Members left out, each with the reason (another tenant's data, another image shape, a table).</param>
/// <param name="Status">Training, published or failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="ValidationAccuracy">The run's validation accuracy on the virtual dataset, once published.</param>
/// <param name="StartedAt">When it was requested.</param>
/// <param name="FinishedAt">When it was published or failed.</param>
public sealed record GroupBenchmarkTraining(
    string ModelId,
    string GroupId,
    string DatasetId,
    string JobId,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Skipped,
    GroupBenchmarkStatus Status,
    string? Error,
    double? ValidationAccuracy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
