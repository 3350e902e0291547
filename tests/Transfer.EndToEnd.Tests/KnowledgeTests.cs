using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Transfer.Client;
using Transfer.Client.Knowledge;
using Transfer.Client.Problems;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Server.Knowledge;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// The knowledge base end to end: an admin seeds it with the CLI (all seeds but a held-out footwear subset and a held-out
/// table), the host computes meta-features in the background and clusters them; users' uploads then land in groups, get
/// recommendations with provenance, and jobs are warm-started from it. The seeding is shared by the class's tests (the
/// knowledge base is global by design), done once per host.
/// </summary>
[Collection(KnowledgeHostCollection.Name)]
public sealed class KnowledgeTests(KnowledgeHostFixture host)
{
    private static readonly string[] HeldOut = ["fmnist-sandal-bag", "wine"];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (TransferHostFixture Host, Seeded Kb)? _seeded;

    [Fact]
    public async Task SeedingTwiceAddsNothingTheSecondTimeAndPublishesTheBenchmarkModel()
    {
        var kb = await SeedOnceAsync();

        Assert.Equal(kb.DatasetIds.Count, kb.First.DatasetsUploaded.Count);
        Assert.Equal(["cnn-fmnist-clothing6"], kb.First.ModelsPublished);
        Assert.NotEmpty(kb.First.HistoriesImported);
        Assert.True(kb.First.ReclusterRequested);
        Assert.False(kb.Second.ChangedAnything, JsonSerializer.Serialize(kb.Second));
        Assert.Equal(kb.First.DatasetsUploaded.Order(), kb.Second.DatasetsKept.Order());
        Assert.Equal(kb.First.HistoriesImported.Order(), kb.Second.HistoriesKept.Order());
        Assert.Equal(["cnn-fmnist-clothing6"], kb.Second.ModelsKept);

        using var admin = Client(host.AdminKey);
        var groups = await admin.Knowledge.GetGroupsAsync();
        var clothing = await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["fmnist-clothing6"]);
        Assert.Equal("cnn-fmnist-clothing6", groups.Groups.Single(g => g.Id == clothing.Group!.GroupId).BenchmarkModelId);
        Assert.Contains(await admin.Knowledge.ListBenchmarkModelsAsync(), m => m.Id == "cnn-fmnist-clothing6" && m.SourceDataset == kb.DatasetIds["fmnist-clothing6"]);
    }

    [Fact]
    public async Task SeededImageMetaFeaturesCarryTheBenchmarkBackbonesEmbeddingAndTransferScoreAfterTheLayoutChanged()
    {
        var kb = await SeedOnceAsync();
        using var admin = Client(host.AdminKey);
        const string Model = "cnn-fmnist-clothing6";

        var shoes = await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["fmnist-shoes-a"]);
        var iris = await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["iris"]);
        var groups = await admin.Knowledge.GetGroupsAsync();

        var embedding = Embedding(shoes.MetaFeatures!, Model);
        Assert.Equal(64, embedding.Length);
        Assert.Contains(embedding, v => v != 0);
        Assert.InRange(shoes.TransferScores![Model], 0.5, 1);
        Assert.All(Embedding(iris.MetaFeatures!, Model), v => Assert.Equal(0, v));
        Assert.Empty(iris.TransferScores ?? new Dictionary<string, double>());
        // The model was published after the datasets were uploaded: every seed vector was re-extracted in the new layout,
        // and the grouping moved to it.
        Assert.Contains($"emb[{Model}:64]", groups.FeatureSetVersion, StringComparison.Ordinal);
        foreach (var (name, id) in kb.DatasetIds)
        {
            Assert.True(groups.FeatureSetVersion == (await admin.Knowledge.GetMetaFeaturesAsync(id)).MetaFeatures!.FeatureSetVersion, name);
        }
    }

    [Fact]
    public async Task AnUploadedFootwearAndBagSubsetLandsInTheFootwearGroup()
    {
        // That tops and footwear are apart is asserted on the seeds' own grouping in Transfer.MetaLearning.Tests: here the
        // knowledge base also holds the other tests' uploads, and re-clustering with them may draw other boundaries.
        var kb = await SeedOnceAsync();
        using var admin = Client(host.AdminKey);
        var (_, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);

        var uploaded = await user.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"));
        await ReadyAsync(user, uploaded.Id);
        var footwear = (await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["fmnist-shoes-a"])).Group!.GroupId;
        var known = await user.Knowledge.GetMetaFeaturesAsync(uploaded.Id);

        Assert.False(known.Group!.IsUnknown, $"distance {known.Group.Distance:F3} over threshold {known.Group.Threshold:F3}");
        Assert.Equal(footwear, known.Group.GroupId);
        Assert.Equal(DatasetGroup.ImageKind, (await user.Knowledge.GetGroupsAsync()).Groups.Single(g => g.Id == footwear).Kind);
    }

    [Fact]
    public async Task AnUploadedTableLandsInATabularGroup()
    {
        await SeedOnceAsync();
        var (_, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);

        var uploaded = await user.Datasets.UploadFileAsync(Path.Combine(RepositoryPaths.SeedDataset("wine"), "data.csv"), labelColumn: "label");
        var known = await ReadyAsync(user, uploaded.Id);

        Assert.False(known.Group!.IsUnknown, $"distance {known.Group.Distance:F3} over threshold {known.Group.Threshold:F3}");
        Assert.Equal(DatasetGroup.TabularKind, (await user.Knowledge.GetGroupsAsync()).Groups.Single(g => g.Id == known.Group.GroupId).Kind);
    }

    [Fact]
    public async Task UniformlyRandomPixelsLandInUnknown()
    {
        await SeedOnceAsync();
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        using var user = Client(key.Key);
        var (images, labels) = RandomIdx(count: 600, seed: 2024);

        var response = await http.PostAsync("/api/datasets", Uploads.Idx(images, labels));
        response.EnsureSuccessStatusCode();
        var uploaded = (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;
        var known = await ReadyAsync(user, uploaded.Id);

        Assert.True(known.Group!.IsUnknown, $"assigned to {known.Group.GroupId} at {known.Group.Distance:F3} (threshold {known.Group.Threshold:F3})");
        Assert.NotNull(known.Group.NearestGroupId);
    }

    [Fact]
    public async Task AnUploadedTableOfRandomNumbersAndRandomLabelsLandsInUnknown()
    {
        await SeedOnceAsync();
        var (_, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);
        var random = new Random(2025);
        var csv = Path.Combine(Directory.CreateTempSubdirectory("transfer-nonsense-").FullName, "nonsense.csv");
        await File.WriteAllLinesAsync(csv, Enumerable.Range(0, 400)
            .Select(_ => string.Join(',', Enumerable.Range(0, 6).Select(_ => (random.NextDouble() * 1e6).ToString("F3", CultureInfo.InvariantCulture))) + "," + "xyz"[random.Next(3)])
            .Prepend("a,b,c,d,e,f,label"));

        var uploaded = await user.Datasets.UploadFileAsync(csv, labelColumn: "label");
        var known = await ReadyAsync(user, uploaded.Id);

        Assert.True(known.Group!.IsUnknown, $"assigned to {known.Group.GroupId} at {known.Group.Distance:F3} (threshold {known.Group.Threshold:F3})");
        Assert.Equal(0, known.Group.Confidence);
    }

    [Fact]
    public async Task DeletingADatasetTakesItsMetaFeaturesOutOfTheKnowledgeBase()
    {
        await SeedOnceAsync();
        var (tenant, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);
        var uploaded = await user.Datasets.UploadFileAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"), labelColumn: "label");
        await ReadyAsync(user, uploaded.Id);
        var store = host.Factory.Services.GetRequiredService<KnowledgeStore>();
        Assert.NotNull(await store.ReadVectorAsync(tenant, uploaded.Id));

        await user.Datasets.DeleteAsync(uploaded.Id);

        Assert.Null(await store.ReadVectorAsync(tenant, uploaded.Id));
        Assert.DoesNotContain((await store.ListVectorsAsync()), v => v.Dataset == uploaded.Id);
        var gone = await Assert.ThrowsAsync<TransferProblemException>(() => user.Knowledge.GetMetaFeaturesAsync(uploaded.Id));
        Assert.True(gone.IsNotFound, gone.Message);
    }

    [Fact]
    public async Task RecommendationsForADatasetComeFromTheNearestSeedsWithProvenance()
    {
        await SeedOnceAsync();
        var (_, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);
        var uploaded = await user.Datasets.UploadFileAsync(Path.Combine(RepositoryPaths.SeedDataset("wine"), "data.csv"), labelColumn: "label");
        var known = await ReadyAsync(user, uploaded.Id);

        var byDataset = await user.Knowledge.RecommendForDatasetAsync(uploaded.Id, count: 3);
        var byVector = await user.Knowledge.RecommendForVectorAsync(known.MetaFeatures!, DatasetGroup.TabularKind, count: 3);

        Assert.Equal(3, byDataset.Items.Count);
        Assert.NotEmpty(byDataset.Neighbours);
        Assert.All(byDataset.Neighbours, n => Assert.StartsWith("kb/", n.DatasetId, StringComparison.Ordinal));
        Assert.All(byDataset.Items, item =>
        {
            Assert.NotEmpty(item.DatasetIds);
            Assert.All(item.DatasetIds, d => Assert.StartsWith("kb/", d, StringComparison.Ordinal));
            Assert.All(item.TrialIds, t => Assert.Matches("^kb/history-seed-[a-z0-9.-]+#[0-9]+$", t));
            Assert.InRange(item.ExpectedScore, 0, 1);
            Assert.True(item.Configuration.ContainsKey("base_lr"));
        });
        Assert.Equal(3, byVector.Items.Count);
        Assert.All(byVector.Items, item => Assert.All(item.DatasetIds, d => Assert.StartsWith("kb/", d, StringComparison.Ordinal)));

        // The CLI: by dataset id, and by a vector file saved from `kb features --json`.
        var file = Path.Combine(Directory.CreateTempSubdirectory("transfer-e2e-vector-").FullName, "wine.json");
        await File.WriteAllTextAsync(file, await CliAsync(key.Key, ["kb", "features", uploaded.Id, "--json"]));
        var cliById = JsonSerializer.Deserialize<Recommendations>(await CliAsync(key.Key, ["recommend", uploaded.Id, "--count", "3", "--json"]), Json.Options)!;
        var cliByFile = JsonSerializer.Deserialize<Recommendations>(await CliAsync(key.Key, ["recommend", file, "--count", "3", "--json"]), Json.Options)!;
        Assert.Equal(byDataset.Items.Select(i => i.ExpectedScore), cliById.Items.Select(i => i.ExpectedScore));
        Assert.Equal(byVector.Items.Select(i => i.ExpectedScore), cliByFile.Items.Select(i => i.ExpectedScore));
    }

    [Fact]
    public async Task AJobTriesTheKnowledgeBasesRecommendedConfigurationFirst()
    {
        await SeedOnceAsync();
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        using var user = Client(key.Key);
        var uploaded = await user.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-shoes-bags"));
        await ReadyAsync(user, uploaded.Id);
        var recommended = await user.Knowledge.RecommendForDatasetAsync(uploaded.Id, count: 10);

        var plan = await user.Jobs.PlanAsync(new CreateJobRequest(uploaded.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 1, Seed: 3));
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(uploaded.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 1, Seed: 3), Json.Options);
        created.EnsureSuccessStatusCode();
        var job = await JobWaits.UntilAsync(http, (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));
        var trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!;

        Assert.Equal(JobStatus.Completed, job.Status);
        // The job says what its trials start from, as its plan did: the dataset's group and that group's benchmark model, if any.
        Assert.Equal((plan.BenchmarkModelId, plan.Group), (job.BenchmarkModelId, job.Group));
        Assert.Equal((await user.Knowledge.GetMetaFeaturesAsync(uploaded.Id)).Group!.GroupId, job.Group);
        Assert.Equal(plan.BaselineConfiguration.Keys.Order(), trials.Single(t => t.IsBaseline).Configuration.Keys.Order());
        var first = ConfigurationJson.ToJson(trials.Single(t => !t.IsBaseline).Configuration);
        Assert.Contains(recommended.Items, item => first.All(p => item.Configuration.TryGetValue(p.Key, out var v) && v.GetRawText() == p.Value.GetRawText()));
    }

    private async Task<Seeded> SeedOnceAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_seeded is { } done && ReferenceEquals(done.Host, host))
            {
                return done.Kb;
            }

            var kb = await SeedAsync();
            _seeded = (host, kb);
            return kb;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<Seeded> SeedAsync()
    {
        var seeds = Path.Combine(RepositoryPaths.Root, "knowledge-base-seeds");
        var first = await SeedWithCliAsync(seeds);
        var second = await SeedWithCliAsync(seeds, "--wait");
        using var admin = Client(host.AdminKey);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var dataset in admin.Datasets.ListAsync())
        {
            ids[dataset.Name] = dataset.Id;
        }

        Assert.DoesNotContain(HeldOut, ids.ContainsKey);
        // `kb seed --wait` returned: every seed has its vector and the groups were re-clustered after them.
        foreach (var (name, id) in ids)
        {
            var known = await admin.Knowledge.GetMetaFeaturesAsync(id);
            Assert.True(known.Status == DatasetKnowledgeStatus.Ready, $"{name}: {known.Status} {known.Error}");
            Assert.NotNull(known.Group);
        }

        var groups = await admin.Knowledge.GetGroupsAsync();
        Assert.Equal(ids.Count, groups.Datasets);
        Assert.Equal(groups.CurrentFeatureSetVersion, groups.FeatureSetVersion);
        Assert.Contains("cnn-fmnist-clothing6", groups.FeatureSetVersion, StringComparison.Ordinal);
        foreach (var id in ids.Values)
        {
            Assert.Equal(groups.CurrentFeatureSetVersion, (await admin.Knowledge.GetMetaFeaturesAsync(id)).MetaFeatures!.FeatureSetVersion);
        }

        return new Seeded(first, second, ids);
    }

    private async Task<SeedReport> SeedWithCliAsync(string folder, params string[] options) =>
        JsonSerializer.Deserialize<SeedReport>(await CliAsync(host.AdminKey, ["kb", "seed", folder, "--json", .. options, .. HeldOut.SelectMany(h => new[] { "--exclude", h })]), Json.Options)!;

    /// <summary>Runs the CLI in-process against the host; asserts it succeeds and returns what it printed.</summary>
    private async Task<string> CliAsync(string key, string[] args) =>
        InProcessCli.Ok(await InProcessCli.RunAsync(host.Factory.CreateClient, key, Directory.CreateTempSubdirectory("transfer-e2e-home-").FullName, args), args);

    private static Task<DatasetKnowledgeInfo> ReadyAsync(TransferClient client, string datasetId) =>
        UntilAsync(() => client.Knowledge.GetMetaFeaturesAsync(datasetId), k => k.Status == DatasetKnowledgeStatus.Failed || (k.Status == DatasetKnowledgeStatus.Ready && k.Group is not null), $"meta-features of {datasetId}")
            .ContinueWith(t => t.Result.Status == DatasetKnowledgeStatus.Ready ? t.Result : throw new InvalidOperationException($"{datasetId}: {t.Result.Error}"), TaskScheduler.Default);

    private static Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what) => Waits.UntilAsync(read, done, what);

    private static double[] Embedding(MetaFeatureVector vector, string model) =>
        [.. vector.Names.Select((n, i) => (Name: n, Value: vector.Values[i])).Where(p => p.Name.StartsWith($"emb.{model}.", StringComparison.Ordinal)).Select(p => p.Value)];

    private TransferClient Client(string key) => new(host.Factory.CreateClient(), new TransferClientOptions { ApiKey = key });

    private static (byte[] Images, byte[] Labels) RandomIdx(int count, int seed)
    {
        var random = new Random(seed);
        var images = new byte[16 + (count * 28 * 28)];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 28);
        random.NextBytes(images.AsSpan(16));
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            labels[8 + i] = (byte)random.Next(3);
        }

        return (images, labels);
    }

    private sealed record Seeded(SeedReport First, SeedReport Second, IReadOnlyDictionary<string, string> DatasetIds);
}
