using System.Globalization;
using System.Text;
using System.Text.Json;
using Transfer.Contracts.Knowledge;
using Transfer.Data;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Groups;

namespace Transfer.MetaLearning.Tests;

[Collection(SeedVectorsCollection.Name)]
public sealed class DatasetGrouperTests(SeedVectorsFixture seeds)
{
    private const string HeldOutFootwear = "fmnist-sandal-bag";

    [Fact]
    public void ImageSubsetsAndTablesNeverShareAGroup()
    {
        var grouping = new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42);

        Assert.True(grouping.Groups.Count >= 3);
        foreach (var group in grouping.Groups)
        {
            var kinds = group.Members.Select(SeedData.IsImage).Distinct().ToArray();
            Assert.Single(kinds);
            Assert.Equal(kinds[0] ? DatasetGroup.ImageKind : DatasetGroup.TabularKind, group.Kind);
            Assert.True(group.Members.Count >= DatasetGroupingOptions.Default.MinGroupSize);
        }
    }

    [Fact]
    public void HeldOutSandalBagSubsetJoinsTheFootwearGroupNotTheTopsGroup()
    {
        var grouping = new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42);
        var footwear = GroupOf(grouping, "fmnist-shoes-a");
        var tops = GroupOf(grouping, "fmnist-tops-a");

        var assignment = DatasetGrouper.Assign(grouping, seeds.Vectors[HeldOutFootwear]);

        Assert.Equal(footwear, GroupOf(grouping, "fmnist-shoes-bags"));
        Assert.Equal(tops, GroupOf(grouping, "fmnist-tops-b"));
        Assert.NotEqual(footwear, tops);
        Assert.Equal(footwear, assignment.GroupId);
        Assert.False(assignment.IsUnknown);
        Assert.InRange(assignment.Confidence, 0.01, 1);
    }

    [Theory]
    [InlineData("wine")]
    [InlineData("weka-diabetes")]
    public void HeldOutTableLandsInATabularGroup(string heldOut)
    {
        var grouping = new DatasetGrouper().Fit(seeds.Except(heldOut, HeldOutFootwear), seed: 42);

        var assignment = DatasetGrouper.Assign(grouping, seeds.Vectors[heldOut]);

        Assert.False(assignment.IsUnknown, $"distance {assignment.Distance:F3} over threshold {assignment.Threshold:F3}");
        Assert.Equal(DatasetGroup.TabularKind, grouping.Groups.Single(g => g.Id == assignment.GroupId).Kind);
    }

    [Fact]
    public void UniformlyRandomPixelsWithRandomLabelsLandInUnknown()
    {
        var random = new Random(2024);
        var pixels = new byte[600 * 28 * 28];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 600).Select(_ => random.Next(3)).ToArray();
        var nonsense = new ImageData(600, 1, 28, 28, pixels, labels, ["a", "b", "c"]);
        var grouping = new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42);

        var assignment = DatasetGrouper.Assign(grouping, new MetaFeatureExtractor().Extract(nonsense, seed: 1));

        Assert.True(assignment.IsUnknown, $"assigned to {assignment.GroupId} at {assignment.Distance:F3} (threshold {assignment.Threshold:F3})");
        Assert.Equal(0, assignment.Confidence);
        Assert.NotNull(assignment.NearestGroupId);
    }

    [Fact]
    public async Task UniformlyRandomNumbersWithRandomLabelsInATableLandInUnknown()
    {
        var random = new Random(2025);
        var csv = new StringBuilder("a,b,c,d,e,f,label\n");
        for (var row = 0; row < 400; row++)
        {
            csv.AppendJoin(',', Enumerable.Range(0, 6).Select(_ => (random.NextDouble() * 1e6).ToString("R", CultureInfo.InvariantCulture)))
                .Append(',').Append("xyz"[random.Next(3)]).Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var nonsense = await CsvTableReader.ReadAsync(stream, "label");
        var grouping = new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42);

        var assignment = DatasetGrouper.Assign(grouping, new MetaFeatureExtractor().Extract(nonsense, seed: 1));

        Assert.True(assignment.IsUnknown, $"assigned to {assignment.GroupId} at {assignment.Distance:F3} (threshold {assignment.Threshold:F3})");
        Assert.Equal(0, assignment.Confidence);
        Assert.Equal(DatasetGroup.TabularKind, grouping.Groups.Single(g => g.Id == assignment.NearestGroupId).Kind);
    }

    [Fact]
    public void EverySeedDatasetShowsMoreLearnableStructureThanTheUnknownFloor()
    {
        var weak = seeds.Vectors.Where(p => p.Value["lm_best_gain"] < DatasetGroupingOptions.Default.MinSignalGain * 2)
            .Select(p => $"{p.Key}: {p.Value["lm_best_gain"]:F3}").ToArray();

        Assert.True(weak.Length == 0, "seed datasets near the no-signal floor: " + string.Join(", ", weak));
    }

    [Fact]
    public void AKnowledgeBaseOfOneDatasetAssignsItWithAFiniteConfidence()
    {
        var only = seeds.Except(HeldOutFootwear).Where(d => d.DatasetId == "wine").ToArray();
        var grouping = new DatasetGrouper().Fit(only, seed: 42);

        var itself = DatasetGrouper.Assign(grouping, seeds.Vectors["wine"]);
        var other = DatasetGrouper.Assign(grouping, seeds.Vectors["iris"]);

        Assert.Equal(grouping.Groups.Single().Id, itself.GroupId);
        Assert.Equal(1, itself.Confidence);
        Assert.True(other.IsUnknown);
        Assert.Equal(0, other.Confidence);
        Assert.True(double.IsFinite(grouping.Silhouette));
        JsonSerializer.Serialize(itself);
        JsonSerializer.Serialize(other);
    }

    [Fact]
    public void ADatasetWithoutLearnableStructureJoinsNoGroupAndMovesNoBoundary()
    {
        var random = new Random(2024);
        var pixels = new byte[600 * 28 * 28];
        random.NextBytes(pixels);
        var nonsense = new ImageData(600, 1, 28, 28, pixels, [.. Enumerable.Range(0, 600).Select(_ => random.Next(3))], ["a", "b", "c"]);
        var withNonsense = seeds.Except(HeldOutFootwear).Append(new DatasetMetaFeatures("nonsense", new MetaFeatureExtractor().Extract(nonsense, seed: 1))).ToArray();

        var grouping = new DatasetGrouper().Fit(withNonsense, seed: 42);

        Assert.DoesNotContain(grouping.Groups, g => g.Members.Contains("nonsense"));
        Assert.Equal(JsonSerializer.Serialize(new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42)), JsonSerializer.Serialize(grouping));
    }

    [Fact]
    public void GroupingIsDeterministicUnderASeedAndSurvivesJson()
    {
        var datasets = seeds.Except(HeldOutFootwear);
        var first = new DatasetGrouper().Fit(datasets, seed: 9);
        var second = new DatasetGrouper().Fit(datasets.Reverse().ToArray(), seed: 9);

        var json = JsonSerializer.Serialize(first);
        Assert.Equal(json, JsonSerializer.Serialize(second));

        var restored = JsonSerializer.Deserialize<DatasetGrouping>(json)!;
        var vector = seeds.Vectors[HeldOutFootwear];
        Assert.Equal(DatasetGrouper.Assign(first, vector), DatasetGrouper.Assign(restored, vector));
    }

    [Fact]
    public void AVectorOfAnotherFeatureSetIsRefused()
    {
        var grouping = new DatasetGrouper().Fit(seeds.Except(HeldOutFootwear), seed: 42);
        var vector = seeds.Vectors[HeldOutFootwear];
        var other = vector with { FeatureSetVersion = "mf-0" };

        Assert.Throws<ArgumentException>(() => DatasetGrouper.Assign(grouping, other));
        Assert.Throws<ArgumentException>(() => RobustScaler.Fit([vector, other]));
    }

    private static string GroupOf(DatasetGrouping grouping, string datasetId) =>
        grouping.Groups.Single(g => g.Members.Contains(datasetId)).Id;
}
