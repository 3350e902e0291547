using System.Text.Json;
using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Knowledge;

namespace Transfer.MetaLearning.Tests;

[Collection(SeedVectorsCollection.Name)]
public sealed class RecommenderTests(SeedVectorsFixture seeds)
{
    private static readonly string[] Footwear = ["fmnist-shoes-a", "fmnist-shoes-bags", "fmnist-bags-zip"];
    private static readonly string[] Tops = ["fmnist-tops-a", "fmnist-tops-b", "fmnist-clothing6"];
    private static readonly string[] Tables = ["iris", "wine", "weka-diabetes", "weka-glass"];

    [Fact]
    public void AFootwearUploadGetsWhatWorkedOnFootwearFirstWithItsProvenance()
    {
        // Hand-made trial outcomes (not data): on footwear the low learning rate wins, on tops the high one.
        var trials = Footwear.SelectMany(d => Trials(d, ("lr-low", 0.9), ("lr-high", 0.6), ("shared", 0.7)))
            .Concat(Tops.SelectMany(d => Trials(d, ("lr-low", 0.5), ("lr-high", 0.8), ("shared", 0.7))))
            .Concat(Tables.SelectMany(d => Trials(d, ("table-only", 0.95))))
            .ToArray();
        var recommender = Recommender.Build(trials, options: new RecommenderOptions { Neighbours = 3 });

        var result = recommender.Recommend(seeds.Vectors["fmnist-sandal-bag"], count: 3);

        Assert.Equal(Footwear.Order(), result.Neighbours.Select(n => n.DatasetId).Order());
        Assert.Equal(["lr-low", "shared", "lr-high"], result.Items.Select(i => i.Configuration["name"].GetString()));
        var top = result.Items[0];
        Assert.Equal(0.9, top.ExpectedScore, 9);
        Assert.Equal(1, top.Utility, 9);
        Assert.Equal(Footwear.Order(), top.DatasetIds.Order());
        Assert.Equal(Footwear.Select(d => $"{d}/lr-low").Order(), top.TrialIds.Order());
        Assert.Equal(1, result.Neighbours.Sum(n => n.Weight), 9);
    }

    [Fact]
    public void ATableNeverGetsImageConfigurations()
    {
        var trials = Footwear.SelectMany(d => Trials(d, ("image-cfg", 0.99)))
            .Concat(Tables.SelectMany(d => Trials(d, ("table-cfg", 0.7), ("table-cfg-2", 0.6))))
            .ToArray();
        var recommender = Recommender.Build(trials);

        var result = recommender.Recommend(seeds.Vectors["weka-credit-g"], count: 5);

        Assert.Equal(["table-cfg", "table-cfg-2"], result.Items.Select(i => i.Configuration["name"].GetString()));
        Assert.All(result.Neighbours, n => Assert.Contains(n.DatasetId, Tables));
    }

    [Fact]
    public void ExpectedScoreIsTheDistanceWeightedMeanOverTheNeighboursThatTriedIt()
    {
        var trials = new[]
        {
            At("near", 0.1, "a", 0.8), At("near", 0.1, "b", 0.4),
            At("far", 2.0, "a", 0.6), At("far", 2.0, "b", 0.7),
            At("farthest", 9.0, "b", 1.0),
        };
        var recommender = Recommender.Build(trials, Scaling, new RecommenderOptions { Neighbours = 2, DistanceFloor = 0.05 });

        var result = recommender.Recommend(Point(0));

        double wNear = 1 / ((0.1 / Math.Sqrt(2)) + 0.05), wFar = 1 / ((2.0 / Math.Sqrt(2)) + 0.05);
        Assert.Equal(["near", "far"], result.Neighbours.Select(n => n.DatasetId));
        var a = result.Items.Single(i => i.Configuration["name"].GetString() == "a");
        var b = result.Items.Single(i => i.Configuration["name"].GetString() == "b");
        Assert.Equal(((wNear * 0.8) + (wFar * 0.6)) / (wNear + wFar), a.ExpectedScore, 9);
        Assert.Equal(wNear / (wNear + wFar), a.Utility, 9);
        Assert.Equal(wFar / (wNear + wFar), b.Utility, 9);
        Assert.Same(a, result.Items[0]);
        Assert.DoesNotContain("farthest", b.DatasetIds);
    }

    [Fact]
    public void TheNearestDatasetsBestConfigurationOutranksAStartUpConfigurationEveryNeighbourTried()
    {
        // Two tuned histories that share a random start-up trial ("shared", mid-table on both) and each found its own best.
        var trials = new[]
        {
            At("near", 0.1, "own-near", 0.9), At("near", 0.1, "shared", 0.7), At("near", 0.1, "fail-near", 0.3),
            At("far", 2.0, "own-far", 0.95), At("far", 2.0, "shared", 0.7), At("far", 2.0, "fail-far", 0.1),
        };
        var query = Point(0);
        double wNear = 1 / ((0.1 / Math.Sqrt(2)) + 0.05), wFar = 1 / ((2.0 / Math.Sqrt(2)) + 0.05), total = wNear + wFar;

        var result = Recommender.Build(trials, Scaling, new RecommenderOptions { Neighbours = 2 }).Recommend(query);

        // Mid-rank quality: best 1, middle 0.5, worst 0; a neighbour that did not try it counts the median, 0.5.
        Assert.Equal(["own-near", "own-far", "shared"], result.Items.Take(3).Select(i => i.Configuration["name"].GetString()));
        Assert.Equal((wNear + (0.5 * wFar)) / total, result.Items[0].Utility, 9);
        Assert.Equal(0.5, result.Items[2].Utility, 9);
        Assert.Equal(0.7, result.Items[2].ExpectedScore, 9);

        // Counting untried neighbours as 0 instead ranks by how many neighbours tried a configuration.
        var strict = Recommender.Build(trials, Scaling, new RecommenderOptions { Neighbours = 2, UntriedQuality = 0 }).Recommend(query);
        Assert.Equal(["own-near", "shared", "own-far"], strict.Items.Take(3).Select(i => i.Configuration["name"].GetString()));
    }

    [Fact]
    public void ConfigurationsTiedOnADatasetShareTheirMidRank()
    {
        var trials = new[] { At("saturated", 0.1, "a", 1.0), At("saturated", 0.1, "b", 1.0), At("saturated", 0.1, "c", 1.0), At("saturated", 0.1, "d", 0.5), At("saturated", 0.1, "e", 0.2) };

        var items = Recommender.Build(trials, Scaling).Recommend(Point(0)).Items;

        // Three tied at the top of five trials: each beats 2 and ties 2 others, (2 + 0.5 * 2) / 4.
        Assert.All(items.Where(i => i.ExpectedScore == 1.0), i => Assert.Equal(0.75, i.Utility, 9));
        Assert.Equal(0.25, items.Single(i => i.Configuration["name"].GetString() == "d").Utility, 9);
        Assert.Equal(0, items.Single(i => i.Configuration["name"].GetString() == "e").Utility, 9);
    }

    [Fact]
    public void ADatasetInTheIndexCanAskWithoutItsOwnTrials()
    {
        var trials = Footwear.SelectMany(d => Trials(d, ($"own-{d}", 0.9), ("shared", 0.5))).ToArray();
        var recommender = Recommender.Build(trials);

        var withItself = recommender.Recommend("fmnist-shoes-a", count: 1);
        var without = recommender.Recommend("fmnist-shoes-a", count: 10, includeItself: false);

        Assert.Contains("fmnist-shoes-a", withItself.Neighbours.Select(n => n.DatasetId));
        Assert.DoesNotContain("fmnist-shoes-a", without.Neighbours.Select(n => n.DatasetId));
        Assert.DoesNotContain(without.Items, i => i.Configuration["name"].GetString() == "own-fmnist-shoes-a");
        Assert.Throws<KeyNotFoundException>(() => recommender.Recommend("never-seen"));
    }

    [Fact]
    public void MidwayThroughAReExtractionEveryDatasetStaysInTheIndex()
    {
        // A benchmark model was published: the image datasets and one table already carry its embedding slot, the other
        // tables not yet. The recommender compares them all in the layout every vector carries over to.
        var (wide, wideNames) = MetaFeatureCatalog.For([new EmbeddingSlot("cnn-new", 2)]);
        MetaFeatureVector Widen(MetaFeatureVector v) =>
            new(wide, wideNames, [.. wideNames.Select(n => v.Names.Contains(n) ? v[n] : 0.25)]);
        var widened = Footwear.Concat(Tops).Append(Tables[0]).ToHashSet(StringComparer.Ordinal);
        var trials = Footwear.SelectMany(d => Trials(d, ("image-cfg", 0.9)))
            .Concat(Tops.SelectMany(d => Trials(d, ("image-cfg", 0.8))))
            .Concat(Tables.SelectMany(d => Trials(d, ("table-cfg", 0.7))))
            .Select(t => widened.Contains(t.DatasetId) ? t with { MetaFeatures = Widen(t.MetaFeatures) } : t)
            .ToArray();

        var recommender = Recommender.Build(trials);

        Assert.Equal(Footwear.Length + Tops.Length + Tables.Length, recommender.DatasetCount);
        Assert.Equal(MetaFeatureCatalog.Version, recommender.Scaling.FeatureSetVersion);
        var forTable = recommender.Recommend(seeds.Vectors["weka-credit-g"], count: 5);
        Assert.Equal(Tables.Order(), forTable.Neighbours.Select(n => n.DatasetId).Order());
        var forImage = recommender.Recommend(MetaFeatureProjection.TryProject(Widen(seeds.Vectors["fmnist-sandal-bag"]), recommender.Scaling)!, count: 5);
        Assert.Equal("image-cfg", forImage.Items[0].Configuration["name"].GetString());
    }

    /// <summary>A one-feature image kind (no scaling) where a dataset's distance to the query at 0 is |x| / sqrt(2).</summary>
    private static readonly MetaFeatureScaling Scaling = new("t-1", ["kind_image", "x"], [0, 0], [1, 1], Clip: 100);

    private static MetaFeatureVector Point(double x) => new("t-1", ["kind_image", "x"], [0, x]);

    private static TrialKnowledge At(string dataset, double x, string config, double score) =>
        new(dataset, $"{dataset}/{config}", Point(x), Config(config), score, Cost: 1, new Dictionary<string, double>());

    private IEnumerable<TrialKnowledge> Trials(string dataset, params (string Config, double Score)[] outcomes) =>
        outcomes.Select(o => new TrialKnowledge(
            dataset, $"{dataset}/{o.Config}", seeds.Vectors[dataset], Config(o.Config), o.Score, Cost: 10, new Dictionary<string, double>()));

    private static Dictionary<string, JsonElement> Config(string name) => new()
    {
        ["name"] = JsonSerializer.SerializeToElement(name),
        ["base_lr"] = JsonSerializer.SerializeToElement(name.Length / 100.0),
    };
}
