using System.Text.Json;
using Transfer.Cli;
using Transfer.Cli.Output;
using Transfer.Client;
using Transfer.Client.Jobs;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Training.Inference;

namespace Transfer.EndToEnd.Tests;

/// <summary>The <c>transfer</c> CLI's training commands run in-process against the real host: train, jobs, watch, trials, predict.</summary>
[Collection(HostCollection.Name)]
public sealed class JobsCliTests(TransferHostFixture host) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("transfer-jobs-cli-e2e-").FullName;

    [Fact]
    public async Task TrainRunsATinyJobLiveToTheWinnerAndTheOtherCommandsReadIt()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");

        var train = await RunOkAsync(key.Key, "train", folder, "--trials", "2", "--epochs", "2", "--seed", "3", "--sampler", "tpe", "--scheduler", "asha");

        Assert.Contains("as job job-", train, StringComparison.Ordinal);
        Assert.Contains("job finished: Completed", train, StringComparison.Ordinal);
        Assert.Contains("Winner", train, StringComparison.Ordinal);
        Assert.Contains("default configuration", train, StringComparison.Ordinal);
        Assert.Contains("Test score", train, StringComparison.Ordinal);
        var job = Assert.Single(Parse<List<JobInfo>>(await RunOkAsync(key.Key, "jobs", "list", "--json")));
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(("tpe", "asha", 2), (job.Request.Sampler?.Name, job.Request.Scheduler?.Name, job.Request.Budget?.Trials));
        Assert.Contains($"trial {job.BestTrial}, validation", train, StringComparison.Ordinal);

        var shown = Parse<JobInfo>(await RunOkAsync(key.Key, "jobs", "show", job.Id, "--json"));
        var trials = Parse<List<TrialInfo>>(await RunOkAsync(key.Key, "jobs", "trials", job.Id, "--json"));
        Assert.Equal((job.Id, job.BestScore, job.TestScore), (shown.Id, shown.BestScore, shown.TestScore));
        Assert.Equal(2, trials.Count);
        var table = await RunOkAsync(key.Key, "jobs", "trials", job.Id);
        Assert.Contains("(baseline)", table, StringComparison.Ordinal);
        // Each finished trial's model: its fold models (600 examples are scored by k-fold) and what they trained on.
        Assert.All(trials, t => Assert.True(t.ModelMembers > 1, $"trial {t.Number} has {t.ModelMembers} models"));
        Assert.All(trials, t => Assert.Contains(JobView.Model(t), table, StringComparison.Ordinal));

        var lines = (await RunOkAsync(key.Key, "watch", job.Id, "--json")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(Parse<JobEvent>).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(JobEventKinds.JobFinished, events[^1].Kind);

        var predictions = Parse<PredictionResult>(await RunOkAsync(key.Key, "predict", job.Id, folder, "--json"));
        Assert.Equal(600, predictions.Predictions.Count);
        var baseline = Parse<PredictionResult>(await RunOkAsync(key.Key, "predict", job.Id, folder, "--trial", "0", "--json"));
        Assert.Equal(predictions.Classes, baseline.Classes);
        Assert.Equal(600, baseline.Predictions.Count);
        var missing = await RunAsync(key.Key, "predict", job.Id, folder, "--trial", "7");
        Assert.NotEqual(ExitCodes.Success, missing.ExitCode);
        Assert.Contains("code no-trial-model", missing.Error, StringComparison.Ordinal);

        var late = await RunAsync(key.Key, "trials", "stop", job.Id, "0");
        Assert.Equal(ExitCodes.BadInput, late.ExitCode);
        Assert.Contains("code trial-not-running", late.Error, StringComparison.Ordinal);
        Assert.StartsWith("Nothing to stop, it had finished: " + job.Id + ": Completed", await RunOkAsync(key.Key, "jobs", "stop", job.Id), StringComparison.Ordinal);
        Assert.StartsWith("Nothing to re-run, no trial of " + job.Id + " failed: Completed", await RunOkAsync(key.Key, "jobs", "rerun", job.Id), StringComparison.Ordinal);

        // The model downloads to a file that holds what the API serves, and reads back as the model that predicted.
        var file = Path.Combine(_home, "winner.model");
        Assert.Contains("Downloaded the model of " + job.Id, await RunOkAsync(key.Key, "models", "download", job.Id, "--out", file), StringComparison.Ordinal);
        using (var http = host.CreateHttpClient(key.Key))
        {
            Assert.Equal(await http.GetByteArrayAsync($"/api/models/{job.Id}/content"), await File.ReadAllBytesAsync(file));
        }

        await using (var stream = File.OpenRead(file))
        using (var model = await TrainedEnsemble.LoadAsync(stream))
        {
            Assert.Equal(predictions.Classes, model.Classes);
        }

        Assert.False(File.Exists(file + ".partial"));
        Assert.Contains("code not-found", (await RunAsync(key.Key, "models", "download", "job-000000000000", "--out", file + "2")).Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file + "2"));

        Assert.Contains("Deleted " + job.Id, await RunOkAsync(key.Key, "jobs", "delete", job.Id), StringComparison.Ordinal);
        Assert.Empty(Parse<List<JobInfo>>(await RunOkAsync(key.Key, "jobs", "list", "--json")));
        Assert.Contains("code not-found", (await RunAsync(key.Key, "jobs", "show", job.Id)).Error, StringComparison.Ordinal);
        Assert.Contains("code not-found", (await RunAsync(key.Key, "jobs", "delete", job.Id)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrialsCommandsSteerARunningTrialAndWatchShowsTheirEvents()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var client = new TransferClient(host.Factory.CreateClient(), new TransferClientOptions { ApiKey = key.Key });
        var dataset = await client.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"));
        var job = await client.Jobs.StartAsync(new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 1), MaxEpochs: 30, Seed: 9));
        await FirstReportAsync(job);

        await RunOkAsync(key.Key, "trials", "set", job.Id, "0", "base_lr=0.0005");
        await RunOkAsync(key.Key, "trials", "pause", job.Id, "0");
        await RunOkAsync(key.Key, "trials", "resume", job.Id, "0");
        await RunOkAsync(key.Key, "trials", "stop", job.Id, "0");
        var watch = await RunOkAsync(key.Key, "watch", job.Id);

        Assert.Contains("trial 0 changed: base_lr=0.0005", watch, StringComparison.Ordinal);
        Assert.Contains("trial 0 paused: pause", watch, StringComparison.Ordinal);
        Assert.Contains("trial 0 resumed: resume", watch, StringComparison.Ordinal);
        Assert.Contains("trial 0 stopping: stop", watch, StringComparison.Ordinal);
        Assert.Contains("trial 0 Stopped", watch, StringComparison.Ordinal);
        var bad = await RunAsync(key.Key, "trials", "set", job.Id, "0", "base_lr");
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
    }

    [Fact]
    public async Task PlanShowsAndSavesTheSearchSpaceThatTrainSpaceTakesBack()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var dataset = Parse<DatasetInfo>(await RunOkAsync(key.Key, "datasets", "upload", RepositoryPaths.SeedDataset("fmnist-sandal-bag"), "--json"));
        var file = Path.Combine(_home, "space.json");

        var shown = await RunOkAsync(key.Key, "jobs", "plan", dataset.Id, "--epochs", "2", "--save-space", file);

        Assert.Contains("Baseline", shown, StringComparison.Ordinal);
        Assert.Contains("5-fold cross-validation", shown, StringComparison.Ordinal);
        Assert.Contains("base_lr", shown, StringComparison.Ordinal);
        Assert.Contains("Saved the search space to " + file, shown, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal); // only what is set, to edit
        var saved = Parse<SearchSpaceDefinition>(text);

        // An edited space (one parameter narrowed) is checked and used as it is.
        var narrowed = saved with { Parameters = [.. saved.Parameters.Select(p => p.Name == "base_lr" ? p with { Low = 0.001, High = 0.01 } : p)] };
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(narrowed, Json.Options));
        var plan = Parse<JobPlanInfo>(await RunOkAsync(key.Key, "jobs", "plan", dataset.Id, "--space", file, "--json"));
        Assert.Equal(JsonSerializer.Serialize(narrowed, Json.Options), JsonSerializer.Serialize(plan.Space, Json.Options));
        Assert.Empty(Parse<List<JobInfo>>(await RunOkAsync(key.Key, "jobs", "list", "--json")));

        // A misspelt key is refused, not dropped.
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"low\"", "\"lo\"", StringComparison.Ordinal));
        var typo = await RunAsync(key.Key, "train", RepositoryPaths.SeedDataset("fmnist-sandal-bag"), "--space", file);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("is not a search space", typo.Error, StringComparison.Ordinal);
        Assert.Contains("'lo'", typo.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static async Task FirstReportAsync(JobHandle job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var item in job.WatchAsync(cancellationToken: timeout.Token))
        {
            if (item.Kind == JobEventKinds.TrialReported)
            {
                return;
            }
        }

        Assert.Fail($"job {job.Id} finished without a report");
    }

    private Task<CliRun> RunAsync(string key, params string[] args) => InProcessCli.RunAsync(host.Factory.CreateClient, key, _home, args);

    private async Task<string> RunOkAsync(string key, params string[] args) => InProcessCli.Ok(await RunAsync(key, args), args);

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)!;

}
