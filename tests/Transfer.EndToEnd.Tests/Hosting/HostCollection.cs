namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Test classes in this collection share one host and one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<TransferHostFixture>
{
    public const string Name = "host";
}
