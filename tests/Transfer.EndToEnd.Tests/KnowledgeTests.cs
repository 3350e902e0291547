using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Transfer.Cli;
using Transfer.Cli.Credentials;
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
    public async Task AnUploadedFootwearAndBagSubsetLandsInTheFootwearGroupNotTheTopsGroup()
    {
        var kb = await SeedOnceAsync();
        using var admin = Client(host.AdminKey);
        var (_, key) = await Tenants.NewAsync(host);
        using var user = Client(key.Key);

        var uploaded = await user.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"));
        var known = await ReadyAsync(user, uploaded.Id);
        var footwear = (await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["fmnist-shoes-a"])).Group!.GroupId;
        var tops = (await admin.Knowledge.GetMetaFeaturesAsync(kb.DatasetIds["fmnist-tops-a"])).Group!.GroupId;

        Assert.NotEqual(footwear, tops);
        Assert.Equal(footwear, known.Group!.GroupId);
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

        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(uploaded.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 1, Seed: 3), Json.Options);
        created.EnsureSuccessStatusCode();
        var job = await JobWaits.UntilAsync(http, (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));
        var trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!;

        Assert.Equal(JobStatus.Completed, job.Status);
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
        var folder = Directory.CreateTempSubdirectory("transfer-kb-seeds-").FullName;
        try
        {
            var seeds = Path.Combine(RepositoryPaths.Root, "knowledge-base-seeds");
            foreach (var dataset in Directory.GetDirectories(Path.Combine(seeds, "datasets")).Where(d => !HeldOut.Contains(Path.GetFileName(d))))
            {
                Copy(dataset, Path.Combine(folder, "datasets", Path.GetFileName(dataset)));
            }

            Copy(Path.Combine(seeds, "benchmark-models"), Path.Combine(folder, "benchmark-models"));
            Directory.CreateDirectory(Path.Combine(folder, "histories"));
            foreach (var history in Directory.GetFiles(Path.Combine(seeds, "histories"), "*.json").Where(h => !HeldOut.Contains(Path.GetFileNameWithoutExtension(h))))
            {
                File.Copy(history, Path.Combine(folder, "histories", Path.GetFileName(history)));
            }

            var first = await SeedWithCliAsync(folder);
            var second = await SeedWithCliAsync(folder);
            using var admin = Client(host.AdminKey);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var dataset in admin.Datasets.ListAsync())
            {
                ids[dataset.Name] = dataset.Id;
            }

            foreach (var id in ids.Values)
            {
                await ReadyAsync(admin, id);
            }

            // Publishing the benchmark model changed the embedding layout: wait for the background re-extraction.
            var version = await host.Factory.Services.GetRequiredService<MetaFeatureService>().CurrentVersionAsync();
            foreach (var id in ids.Values)
            {
                await UntilAsync(() => admin.Knowledge.GetMetaFeaturesAsync(id), k => k.MetaFeatures?.FeatureSetVersion == version, $"meta-features of {id} in {version}");
            }

            // Every seed has its vector now; one more re-clustering, queued after them, settles the groups.
            var asked = DateTimeOffset.UtcNow;
            await admin.Knowledge.RequestReclusterAsync();
            await UntilAsync(() => admin.Knowledge.GetGroupsAsync(), g => g.ClusteredAt >= asked, "a re-clustering after the seeds");
            return new Seeded(first, second, ids);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<SeedReport> SeedWithCliAsync(string folder)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string> { [CredentialsResolver.KeyVariable] = host.AdminKey, [CredentialsResolver.UrlVariable] = "http://localhost" };
        var services = new CliServices(
            Console(output),
            Console(error),
            output,
            new CredentialsResolver(name => environment.GetValueOrDefault(name), folder),
            options => new TransferClient(host.Factory.CreateClient(), options));
        var exit = await TransferCli.RunAsync(["kb", "seed", folder, "--json"], services);
        Assert.True(exit == ExitCodes.Success, $"transfer kb seed exited {exit}: {error}{output}");
        return JsonSerializer.Deserialize<SeedReport>(output.ToString(), Json.Options)!;
    }

    private static Task<DatasetKnowledgeInfo> ReadyAsync(TransferClient client, string datasetId) =>
        UntilAsync(() => client.Knowledge.GetMetaFeaturesAsync(datasetId), k => k.Status == DatasetKnowledgeStatus.Failed || (k.Status == DatasetKnowledgeStatus.Ready && k.Group is not null), $"meta-features of {datasetId}")
            .ContinueWith(t => t.Result.Status == DatasetKnowledgeStatus.Ready ? t.Result : throw new InvalidOperationException($"{datasetId}: {t.Result.Error}"), TaskScheduler.Default);

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        // Generous: the background meta-features queue may be behind the seeding when CI's 2 cores are busy.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(6);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited too long for {what}: {JsonSerializer.Serialize(value)}");
            await Task.Delay(200);
        }
    }

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

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });

    private sealed record Seeded(SeedReport First, SeedReport Second, IReadOnlyDictionary<string, string> DatasetIds);
}
