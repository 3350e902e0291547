using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;

namespace Transfer.MetaLearning.Tests;

public sealed class MetaFeatureProjectionTests
{
    private static readonly EmbeddingSlot Cnn = new("cnn-a", 2);

    [Fact]
    public void AVectorWithAnExtraEmbeddingProjectsOntoTheLayoutWithoutItByName()
    {
        var (wide, wideNames) = MetaFeatureCatalog.For([Cnn]);
        var values = wideNames.Select((_, i) => (double)i).ToArray();
        var vector = new MetaFeatureVector(wide, wideNames, values);

        var projected = MetaFeatureProjection.TryProject(vector, MetaFeatureCatalog.Version, MetaFeatureCatalog.Names);

        Assert.NotNull(projected);
        Assert.Equal(MetaFeatureCatalog.Version, projected.FeatureSetVersion);
        Assert.Equal(values.Take(MetaFeatureCatalog.Names.Count), projected.Values);
    }

    [Fact]
    public void AVectorLackingAnEmbeddingOfTheTargetOrOfAnotherBaseSetDoesNotProject()
    {
        var narrow = new MetaFeatureVector(MetaFeatureCatalog.Version, MetaFeatureCatalog.Names, new double[MetaFeatureCatalog.Names.Count]);
        var (wide, wideNames) = MetaFeatureCatalog.For([Cnn]);
        var otherBase = narrow with { FeatureSetVersion = "mf-0" };

        Assert.Null(MetaFeatureProjection.TryProject(narrow, wide, wideNames));
        Assert.Null(MetaFeatureProjection.TryProject(otherBase, MetaFeatureCatalog.Version, MetaFeatureCatalog.Names));
        Assert.Same(narrow, MetaFeatureProjection.TryProject(narrow, MetaFeatureCatalog.Version, MetaFeatureCatalog.Names));
        Assert.Equal("mf-1", MetaFeatureProjection.BaseOf(wide));
    }

    [Fact]
    public void AVectorWidensOntoANewLayoutOnlyWhereTheMissingSlotsAreZeroByDefinition()
    {
        var narrow = new MetaFeatureVector(MetaFeatureCatalog.Version, MetaFeatureCatalog.Names, [.. MetaFeatureCatalog.Names.Select((_, i) => i + 1.0)]);
        var (wide, wideNames) = MetaFeatureCatalog.For([Cnn, new EmbeddingSlot("cnn-b", 3)]);

        var widened = MetaFeatureProjection.TryProject(narrow, wide, wideNames, name => name.StartsWith("emb.", StringComparison.Ordinal));
        var partly = MetaFeatureProjection.TryProject(narrow, wide, wideNames, name => name.StartsWith("emb.cnn-a.", StringComparison.Ordinal));

        Assert.NotNull(widened);
        Assert.Equal(wide, widened.FeatureSetVersion);
        Assert.Equal(narrow.Values, widened.Values.Take(narrow.Values.Count));
        Assert.All(widened.Values.Skip(narrow.Values.Count), v => Assert.Equal(0, v));
        Assert.Null(partly);
    }

    [Fact]
    public void TheCommonLayoutIsTheOneMostVectorsCarryOverTo()
    {
        var narrowVector = new MetaFeatureVector(MetaFeatureCatalog.Version, MetaFeatureCatalog.Names, new double[MetaFeatureCatalog.Names.Count]);
        var (wide, wideNames) = MetaFeatureCatalog.For([Cnn]);
        var wideVector = new MetaFeatureVector(wide, wideNames, new double[wideNames.Count]);

        // Three re-extracted (wide) vectors and one not yet: all four carry over to the narrow layout, one to the wide.
        var midway = MetaFeatureProjection.ToCommonLayout([wideVector, wideVector, wideVector, narrowVector]);
        var done = MetaFeatureProjection.ToCommonLayout([wideVector, wideVector]);

        Assert.All(midway, v => Assert.Equal(MetaFeatureCatalog.Version, v!.FeatureSetVersion));
        Assert.All(midway, v => Assert.Equal(MetaFeatureCatalog.Names, v!.Names));
        Assert.All(done, v => Assert.Same(wideVector, v));
        Assert.Empty(MetaFeatureProjection.ToCommonLayout([]));
    }
}
