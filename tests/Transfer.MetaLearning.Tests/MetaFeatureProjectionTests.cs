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
}
