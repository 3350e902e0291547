namespace Transfer.Contracts.Knowledge;

/// <summary>The outcome of importing a history: false when one with that id was already there (nothing changed).</summary>
public sealed record HistoryImportResult(string Id, bool Imported, int Trials);
