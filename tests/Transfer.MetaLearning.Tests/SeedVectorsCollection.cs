namespace Transfer.MetaLearning.Tests;

/// <summary>Shares one <see cref="SeedVectorsFixture"/> (the seeds' meta-features, the costly part) between test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SeedVectorsCollection : ICollectionFixture<SeedVectorsFixture>
{
    public const string Name = "seed vectors";
}
