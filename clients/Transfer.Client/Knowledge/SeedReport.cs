namespace Transfer.Client.Knowledge;

/// <summary>What a seeding run did: what it added and what was already there (a second run adds nothing).</summary>
public sealed record SeedReport(
    IReadOnlyList<string> DatasetsUploaded,
    IReadOnlyList<string> DatasetsKept,
    IReadOnlyList<string> ModelsPublished,
    IReadOnlyList<string> ModelsKept,
    IReadOnlyList<string> HistoriesImported,
    IReadOnlyList<string> HistoriesKept,
    bool ReclusterRequested)
{
    /// <summary>Whether the run changed the knowledge base.</summary>
    public bool ChangedAnything => DatasetsUploaded.Count + ModelsPublished.Count + HistoriesImported.Count > 0;
}
