namespace Transfer.Contracts.Knowledge;

/// <summary>
/// A past search on one dataset, imported by an admin into the knowledge base (e.g. the seed histories). Import is
/// idempotent by <see cref="Id"/>.
/// </summary>
/// <param name="Id">History id: 3-80 lower-case letters, digits, dots or dashes.</param>
/// <param name="DatasetId">The dataset it ran on, in the importing tenant.</param>
/// <param name="Source">Where it came from (a tool, a command line).</param>
/// <param name="Trials">The finished trials.</param>
public sealed record TuningHistory(string Id, string DatasetId, string? Source, IReadOnlyList<HistoryTrial> Trials);
