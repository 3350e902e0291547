namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>A separate host (own Azurite, own silo) for the <see cref="GroupModelHostCollection"/>.</summary>
public sealed class GroupModelHostFixture : TransferHostFixture;
