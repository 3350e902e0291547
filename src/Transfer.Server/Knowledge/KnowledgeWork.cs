using Transfer.Contracts.Datasets;

namespace Transfer.Server.Knowledge;

/// <summary>One item of the knowledge worker's queue.</summary>
public sealed record KnowledgeWork(KnowledgeWorkKind Kind, string? Tenant = null, DatasetInfo? Dataset = null);
