namespace Transfer.Dashboard.Tests.Hosting;

/// <summary>The dashboard tests share one host on a real port and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHostFixture>
{
    public const string Name = "dashboard";
}
