// The seeds tool is an executable with top-level statements: its Program would clash with the host's.
extern alias KbSeeds;

using System.Text.Json;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Search;
using Transfer.Data;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Knowledge;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;
using Transfer.Search.Trials;
using Transfer.Server.Jobs;
using Transfer.Server.Knowledge;
using Xunit.Abstractions;
using KbSeeds::Transfer.KbSeeds;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// Does the knowledge base's advice pay? For each held-out seed dataset, the recommender is built from every other seed's
/// tuning history and meta-features (the held-out dataset's own trials and vector left out), and its top-5
/// configurations are trained on the held-out dataset next to 5 random configurations of the same default space, with
/// the same split, epochs, trial seeds and starting weights the histories were made with (tools/kb-seeds: 3 epochs, seed 1,
/// Fashion-MNIST subsets fine-tuned from the seed benchmark model as a job in their group is).
/// </summary>
public sealed class LeaveOneDatasetOutTests(ITestOutputHelper output)
{
    private const int Epochs = 3;
    private const int Seed = 1;
    private const int Count = 5;

    // Every table and three of the Fashion-MNIST subsets (one per natural group, each with its group-mates left in).
    private static readonly string[] HeldOut =
    [
        "breast-cancer-wisconsin", "digits-8x8", "iris", "weka-credit-g", "weka-diabetes", "weka-glass", "weka-ionosphere",
        "weka-segment-challenge", "weka-vote", "wine", "fmnist-sandal-bag", "fmnist-tops-b", "fmnist-shoes-a",
    ];

    [Fact]
    public async Task TheTopFiveRecommendedConfigurationsBeatFiveRandomOnesOnAverageOverHeldOutSeeds()
    {
        var seeds = Path.Combine(RepositoryPaths.Root, "knowledge-base-seeds");
        var extractor = new MetaFeatureExtractor();
        var datasets = new Dictionary<string, object>(StringComparer.Ordinal);
        var vectors = new Dictionary<string, MetaFeatureVector>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(Path.Combine(seeds, "datasets")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var decoded = await SeedDatasets.ReadAsync(folder);
            datasets[name] = decoded;
            vectors[name] = decoded is ImageData images ? extractor.Extract(images, Seed) : extractor.Extract((TabularData)decoded, Seed);
        }

        var trials = Directory.GetFiles(Path.Combine(seeds, "histories"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => ReadHistory(file, vectors)).ToArray();

        var benchmark = await SeedBenchmark.LoadAsync(Path.Combine(seeds, "benchmark-models", "cnn-fmnist-clothing6"))
            ?? throw new InvalidOperationException("the seed benchmark model is missing");
        var recommendedScores = new List<double>();
        var randomScores = new List<double>();
        output.WriteLine($"{"held out",-24} {"top-5 recommended",18} {"5 random",10}");
        foreach (var name in HeldOut)
        {
            var recommender = Recommender.Build(trials.Where(t => t.DatasetId != name));
            var recommended = recommender.Recommend(vectors[name], Count).Items
                .Select(item => ConfigurationJson.FromJson(item.Configuration) ?? throw new InvalidOperationException("unreadable recommendation"))
                .ToArray();
            Assert.Equal(Count, recommended.Length);
            Assert.All(recommender.Recommend(vectors[name], Count).Items, item => Assert.DoesNotContain(name, item.DatasetIds));

            var decoded = datasets[name];
            var baseModel = SeedTrainer.BaseModel(decoded);
            var fineTune = benchmark.Fits(baseModel) ? benchmark : null;
            baseModel = fineTune?.BaseModel(baseModel) ?? baseModel;
            var space = JobPlanner.DefaultSpace(baseModel.Input.IsImage, baseModel.BackboneBlocks, Epochs);
            var sampler = SamplerFactory.Create(new SamplerDefinition("random", Seed + 100), SearchSpace.Create(space));
            // Asked through the in-memory study loop, each with the earlier ones in the history: a sampler draws trial
            // history.Trials.Count, so asking an empty history again would return trial 0 each time.
            var random = StudyRunner.Run(sampler, _ => 0, Count, StudyDirection.Maximize).Trials.Select(t => t.Configuration).ToArray();
            Assert.Equal(Count, random.Select(ConfigurationKey.Of).Distinct(StringComparer.Ordinal).Count());

            var data = SeedTrainer.Prepare(decoded, Seed);
            var byRecommendation = await TrainAllAsync(data, baseModel, fineTune, recommended);
            var byChance = await TrainAllAsync(data, baseModel, fineTune, random);
            recommendedScores.AddRange(byRecommendation);
            randomScores.AddRange(byChance);
            output.WriteLine($"{name,-24} {byRecommendation.Average(),18:F3} {byChance.Average(),10:F3}");
        }

        output.WriteLine($"{"mean",-24} {recommendedScores.Average(),18:F3} {randomScores.Average(),10:F3}");
        Assert.True(
            recommendedScores.Average() > randomScores.Average(),
            $"recommended {recommendedScores.Average():F3} vs random {randomScores.Average():F3} (validation accuracy, a diverged run counts 0)");
    }

    private static async Task<double[]> TrainAllAsync(
        Transfer.Training.Data.PreparedData data,
        Transfer.Contracts.Training.ModelSpec baseModel,
        SeedBenchmark? benchmark,
        IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> configurations)
    {
        var scores = new double[configurations.Count];
        for (var i = 0; i < configurations.Count; i++)
        {
            using var weights = benchmark?.OpenWeights();
            scores[i] = await SeedTrainer.TrainAsync(data, baseModel, configurations[i], Epochs, Seed + i, weights) ?? 0;
        }

        return scores;
    }

    private static IEnumerable<TrialKnowledge> ReadHistory(string file, IReadOnlyDictionary<string, MetaFeatureVector> vectors)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var dataset = document.RootElement.GetProperty("dataset").GetString()!;
        var id = document.RootElement.GetProperty("id").GetString()!;
        var trials = document.RootElement.GetProperty("trials").Deserialize<HistoryTrial[]>(Json.Options)!;
        return trials.Select(t => new TrialKnowledge(
            dataset,
            $"{id}#{t.TrialId}",
            vectors[dataset],
            t.Configuration,
            t.Score,
            t.Cost,
            t.CurveSummary ?? new Dictionary<string, double>())).ToArray();
    }
}
