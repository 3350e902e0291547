namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>A second, separate host (own Azurite, own silo) for the <see cref="KnowledgeHostCollection"/>.</summary>
public sealed class KnowledgeHostFixture : TransferHostFixture;
