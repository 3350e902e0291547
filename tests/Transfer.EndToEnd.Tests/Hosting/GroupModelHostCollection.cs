namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// Group benchmark training gets a host of its own: publishing a benchmark model changes which model serves a group,
/// which the knowledge-base tests on their host must not see change under them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GroupModelHostCollection : ICollectionFixture<GroupModelHostFixture>
{
    public const string Name = "group-model-host";
}
