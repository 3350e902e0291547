namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// The knowledge-base tests get a host of their own: every upload queues background meta-features, and on the shared host
/// the other tests' uploads would sit ahead of theirs in that queue.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KnowledgeHostCollection : ICollectionFixture<KnowledgeHostFixture>
{
    public const string Name = "knowledge-host";
}
