using Transfer.Data;
using Transfer.MetaLearning.Features;

namespace Transfer.MetaLearning.Tests;

public sealed class MetaFeatureExtractorTests
{
    [Fact]
    public async Task TablesAndImagesGetTheSameNamedVersionedFinitelyValuedFeatures()
    {
        var extractor = new MetaFeatureExtractor();
        var table = extractor.Extract(await SeedData.TableAsync("weka-credit-g"), seed: 1);
        var images = extractor.Extract(await SeedData.ImagesAsync("fmnist-bags-zip"), seed: 1);

        Assert.Equal(MetaFeatureCatalog.Version, table.FeatureSetVersion);
        Assert.Equal(table.FeatureSetVersion, images.FeatureSetVersion);
        Assert.Equal(MetaFeatureCatalog.Names, table.Names);
        Assert.Equal(table.Names, images.Names);
        Assert.All(table.Values.Concat(images.Values), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, table["kind_image"]);
        Assert.Equal(1, images["kind_image"]);
        Assert.Equal(0, table["img_mean"]);
        Assert.True(images["img_mean"] > 0);
        Assert.True(table["categorical_fraction"] > 0.5, "credit-g has 13 categorical columns of 20");
    }

    [Fact]
    public async Task ExtractionIsDeterministicUnderASeedAndTheSubsampleDependsOnIt()
    {
        var data = await SeedData.ImagesAsync("fmnist-shoes-a");
        var extractor = new MetaFeatureExtractor(new MetaFeatureOptions { SubsampleCap = 300 });

        var first = extractor.Extract(data, seed: 11);
        var again = extractor.Extract(data, seed: 11);
        var other = extractor.Extract(data, seed: 12);

        Assert.Equal(first.Values, again.Values);
        Assert.NotEqual(first.Values, other.Values);
        Assert.Equal(Math.Log10(900), first["log_rows"], 9);
    }

    [Fact]
    public async Task LandmarkersMeasureHowLearnableADatasetIs()
    {
        var extractor = new MetaFeatureExtractor();
        var iris = extractor.Extract(await SeedData.TableAsync("iris"), seed: 3);
        var credit = extractor.Extract(await SeedData.TableAsync("weka-credit-g"), seed: 3);

        // Iris is nearly separable; credit-g is the classic hard table (about 75 % for linear models, 70 % majority).
        Assert.InRange(iris["lm_linear"], 0.85, 1.0);
        Assert.InRange(iris["lm_1nn"], 0.85, 1.0);
        Assert.InRange(credit["lm_linear"], 0.6, 0.9);
        Assert.InRange(credit["lm_tree"], 0.55, 0.9);
        Assert.True(iris["lm_best_gain"] > credit["lm_best_gain"] + 0.3);
    }

    [Fact]
    public async Task MissingCellsAreCountedOnTheSubsample()
    {
        var source = await SeedData.TableAsync("iris");
        var features = (float[])source.Features.Clone();
        for (var r = 0; r < source.Rows; r += 3)
        {
            features[r * source.Columns] = float.NaN;
        }

        var holed = source with { Features = features };
        var vector = new MetaFeatureExtractor().Extract(holed, seed: 5);

        Assert.Equal(50 / 150.0, vector["rows_with_missing_fraction"], 9);
        Assert.Equal(50 / 600.0, vector["missing_fraction"], 9);
        Assert.All(vector.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public async Task BenchmarkEmbeddingsExtendTheVectorAndItsVersion()
    {
        var options = new MetaFeatureOptions { EmbeddingLayout = [new EmbeddingSlot("cnn-fmnist", 3)] };
        var extractor = new MetaFeatureExtractor(options);
        var images = extractor.Extract(
            await SeedData.ImagesAsync("fmnist-bags-zip"), seed: 2, new Dictionary<string, float[]> { ["cnn-fmnist"] = [0.5f, -1f, 2f] });
        var table = extractor.Extract(await SeedData.TableAsync("iris"), seed: 2);

        Assert.Equal("mf-1+emb[cnn-fmnist:3]", images.FeatureSetVersion);
        Assert.Equal(images.Names, table.Names);
        Assert.Equal(-1, images["emb.cnn-fmnist.1"]);
        Assert.Equal(0, table["emb.cnn-fmnist.1"]);
        await Assert.ThrowsAsync<ArgumentException>(async () => extractor.Extract(
            await SeedData.ImagesAsync("fmnist-bags-zip"), seed: 2, new Dictionary<string, float[]> { ["cnn-fmnist"] = [1f] }));
    }

    [Fact]
    public async Task FootwearIsWiderThanTallAndTopsTallerThanWide()
    {
        var extractor = new MetaFeatureExtractor();
        var shoes = extractor.Extract(await SeedData.ImagesAsync("fmnist-shoes-a"), seed: 4);
        var tops = extractor.Extract(await SeedData.ImagesAsync("fmnist-tops-a"), seed: 4);

        Assert.True(shoes["img_bbox_aspect"] > 0.2);
        Assert.True(tops["img_bbox_aspect"] < -0.1);
        Assert.True(shoes["img_spread_x"] > shoes["img_spread_y"]);
        Assert.True(tops["img_spread_y"] > tops["img_spread_x"]);
    }

    [Fact]
    public async Task ATableOfThreeRowsStillGetsEveryFeature()
    {
        var iris = await SeedData.TableAsync("iris");
        int[] rows = [0, 50, 100];
        var tiny = iris with
        {
            Rows = rows.Length,
            Features = rows.SelectMany(r => iris.Row(r).ToArray()).ToArray(),
            Labels = rows.Select(r => iris.Labels[r]).ToArray(),
        };

        var vector = new MetaFeatureExtractor().Extract(tiny, seed: 1);

        Assert.Equal(MetaFeatureCatalog.Names.Count, vector.Values.Count);
        Assert.All(vector.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, vector["lm_best_gain"]);
    }
}
