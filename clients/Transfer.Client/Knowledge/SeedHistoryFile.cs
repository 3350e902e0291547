using Transfer.Contracts.Knowledge;

namespace Transfer.Client.Knowledge;

/// <summary><c>knowledge-base-seeds/histories/*.json</c>: a tuning history on a seed dataset, named by its seed folder.</summary>
public sealed record SeedHistoryFile(string Id, string Dataset, string? Source, IReadOnlyList<HistoryTrial> Trials);
