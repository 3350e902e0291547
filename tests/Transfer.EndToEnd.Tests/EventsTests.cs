using System.Net;
using System.Text.Json;
using Transfer.Client;
using Transfer.Client.Jobs;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>A job's live event stream through the SDK against the real host: lifecycles, resuming, steering trials.</summary>
[Collection(HostCollection.Name)]
public sealed class EventsTests(TransferHostFixture host) : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private string _key = "";
    private string _tenant = "";

    [Fact]
    public async Task AutoTrainSeesEveryTrialsLifecycleInOrderWithGapFreeIdsAndItsModelPredicts()
    {
        using var client = await NewClientAsync();
        var events = new List<JobEvent>();
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");

        var result = await client.AutoTrainAsync(folder, new AutoTrainOptions { Trials = 3, MaxEpochs = 2, Seed = 7 }, events.Add, Timeout());

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(JobEventKinds.JobFinished, events[^1].Kind);
        Assert.Single(events, e => e.Kind == JobEventKinds.JobFinished);
        Assert.Equal(JobEventKinds.JobFinishing, events[^2].Kind); // once the trials have all ended, before the model is registered
        Assert.Single(events, e => e.Kind == JobEventKinds.JobFinishing);
        var trials = events.Where(e => e.Trial is not null && e.Kind is not (JobEventKinds.JobFinishing or JobEventKinds.JobFinished or JobEventKinds.BestSoFar)).GroupBy(e => e.Trial!.Value).ToList();
        Assert.Equal([0, 1, 2], trials.Select(t => t.Key).Order());
        foreach (var trial in trials)
        {
            var kinds = trial.Select(e => e.Kind).ToList();
            Assert.True(kinds.Count >= 4, $"trial {trial.Key}: {string.Join(", ", kinds)}");
            Assert.Equal([JobEventKinds.TrialQueued, JobEventKinds.TrialStarted, JobEventKinds.TrialReported], kinds.Take(3));
            Assert.Contains(kinds[^1], new[] { JobEventKinds.TrialFinished, JobEventKinds.TrialFailed });
            Assert.All(kinds.Skip(2).SkipLast(1), k => Assert.Contains(k, new[] { JobEventKinds.TrialReported, JobEventKinds.TrialStopping }));
            Assert.All(trial.Where(e => e.Kind == JobEventKinds.TrialReported), e => Assert.NotNull(e.Sample));
        }

        Assert.Equal(JobStatus.Completed, result.Job.Status);
        Assert.Equal(3, result.Trials.Count);
        Assert.Equal(result.Job.BestScore, events[^1].BestScore);
        Assert.Equal(events.Select(Key), (await CollectAsync(client.Jobs.GetEventsAsync(result.Job.Id))).Select(Key));
        Assert.Empty(await CollectAsync(client.Jobs.WatchAsync(result.Job.Id, afterId: events[^1].Id, cancellationToken: Timeout())));

        var predictions = await client.Models.PredictAsync(result.ModelId!, folder);
        Assert.Equal(600, predictions.Predictions.Count);
        Assert.Equal(result.Dataset.Schema.Classes.Select(c => c.Name).Order(), predictions.Classes.Order());
        var file = Path.Combine(Path.GetTempPath(), $"{result.ModelId}-{Guid.NewGuid():N}.model");
        try
        {
            var bytes = await client.Models.DownloadToFileAsync(result.ModelId!, file);
            var stored = await host.Blobs.GetBlobContainerClient("models").GetBlobClient($"{_tenant}/{result.ModelId}/model").DownloadContentAsync();
            Assert.Equal(stored.Value.Content.ToArray(), await File.ReadAllBytesAsync(file));
            Assert.Equal(stored.Value.Content.ToMemory().Length, bytes);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheRawStreamIsServerSentEventsResumableByLastEventIdAndFilteredByTrial()
    {
        using var client = await NewClientAsync();
        var job = await client.StartAutoTrainAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"), new AutoTrainOptions { Trials = 2, MaxEpochs = 1, Seed = 3 });
        Assert.Equal(new JobBudget(Trials: 2), job.Value.Request.Budget);
        var all = await CollectAsync(job.WatchAsync(cancellationToken: Timeout()));
        using var http = host.CreateHttpClient(_key);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job.Id}/events");
        request.Headers.Add("Last-Event-ID", $"{all[^3].Id}");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var blocks = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(b => b.StartsWith("id: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, blocks.Count);
        var lines = blocks[^1].Split('\n');
        Assert.Equal($"id: {all[^1].Id}", lines[0]);
        Assert.Equal($"event: {JobEventKinds.JobFinished}", lines[1]);
        Assert.Equal(Key(all[^1]), Key(JsonSerializer.Deserialize<JobEvent>(lines[2]["data: ".Length..], Json.Options)!));

        var trialOne = await http.GetStringAsync($"/api/jobs/{job.Id}/events?trial=1&after=0");
        var kinds = trialOne.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l["event: ".Length..]).ToList();
        Assert.Equal(all.Where(e => e.Trial == 1 || e.Kind is JobEventKinds.JobFinishing or JobEventKinds.JobFinished).Select(e => e.Kind), kinds);

        await Problems.AssertProblemAsync(await http.GetAsync("/api/jobs/job-000000000000/events"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ADroppedStreamResumesWithLastEventIdWithoutGapsOrDuplicates()
    {
        using var client = await NewClientAsync();
        var job = await client.Jobs.StartAsync(new CreateJobRequest(await UploadAsync(client), Budget: new JobBudget(Trials: 2), MaxEpochs: 2, Seed: 5));

        var first = new List<JobEvent>();
        using (var drop = CancellationTokenSource.CreateLinkedTokenSource(Timeout()))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var item in job.WatchAsync(cancellationToken: drop.Token))
                {
                    first.Add(item);
                    if (first.Count == 5)
                    {
                        await drop.CancelAsync();
                    }
                }
            });
        }

        var rest = await CollectAsync(job.WatchAsync(afterId: first[^1].Id, cancellationToken: Timeout()));
        var joined = first.Concat(rest).ToList();

        Assert.Equal(5, first.Count);
        Assert.Equal(Enumerable.Range(1, joined.Count).Select(i => (long)i), joined.Select(e => e.Id));
        Assert.Equal(JobEventKinds.JobFinished, joined[^1].Kind);
        Assert.Equal(joined.Select(Key), (await CollectAsync(client.Jobs.GetEventsAsync(job.Id))).Select(Key));
    }

    [Fact]
    public async Task AcceptingLowerLearningRateAdviceMidTrialShowsInTheEventsAndTheNextReports()
    {
        using var client = await NewClientAsync();
        var job = await client.Jobs.StartAsync(new CreateJobRequest(await UploadAsync(client), Budget: new JobBudget(Trials: 1), MaxEpochs: 30, Seed: 11));
        var advice = new CurveAdvice(AdviceKind.LowerLearningRate, "Lower the learning rate 10x.", "base_lr *= 0.1");
        var events = new List<JobEvent>();
        double? set = null;
        var reportsSinceChange = 0;

        await foreach (var item in job.WatchAsync(cancellationToken: Timeout()))
        {
            events.Add(item);
            if (set is null && item.Kind == JobEventKinds.TrialReported)
            {
                set = await client.Jobs.AcceptAdviceAsync(job.Id, 0, advice);
            }
            else if (events.Any(e => e.Kind == JobEventKinds.TrialChanged) && item.Kind == JobEventKinds.TrialReported && ++reportsSinceChange == 3)
            {
                await client.Jobs.StopTrialAsync(job.Id, 0); // seen enough: no need to train 30 epochs
            }
        }

        var before = events.First(e => e.Kind == JobEventKinds.TrialReported).Sample!.LearningRate;
        Assert.Equal(before * 0.1, set!.Value, 12);
        var changed = Assert.Single(events, e => e.Kind == JobEventKinds.TrialChanged);
        Assert.Equal(0, changed.Trial);
        Assert.StartsWith("base_lr=", changed.Message, StringComparison.Ordinal);
        var after = events.Where(e => e.Kind == JobEventKinds.TrialReported && e.Id > changed.Id).Select(e => e.Sample!.LearningRate).ToList();
        Assert.True(after.Count >= 2, $"reports after the change: {after.Count}");
        Assert.All(after.Skip(1), lr => Assert.Equal(set.Value, lr, 12));
        Assert.Equal(set.Value, await client.Jobs.CurrentValueAsync(job.Id, 0, "base_lr"));
        var curve = (await job.GetTrialsAsync())[0].Curve;
        Assert.Equal(set.Value, curve[^1].LearningRate, 12);
    }

    [Fact]
    public async Task AStoppedTrialReportsAtMostOnceMoreAndFinishesStopped()
    {
        using var client = await NewClientAsync();
        var job = await client.Jobs.StartAsync(new CreateJobRequest(await UploadAsync(client), Budget: new JobBudget(Trials: 1), MaxEpochs: 30, Seed: 13));
        var events = new List<JobEvent>();
        var stopped = false;

        await foreach (var item in job.WatchAsync(cancellationToken: Timeout()))
        {
            events.Add(item);
            if (!stopped && item.Kind == JobEventKinds.TrialReported)
            {
                await client.Jobs.StopTrialAsync(job.Id, 0);
                stopped = true;
            }
        }

        var stopping = events.First(e => e.Kind == JobEventKinds.TrialStopping);
        Assert.Equal("stop", stopping.Message);
        Assert.True(events.Count(e => e.Kind == JobEventKinds.TrialReported && e.Id > stopping.Id) <= 1, string.Join(", ", events.Select(e => e.Kind)));
        var finished = Assert.Single(events, e => e.Kind == JobEventKinds.TrialFinished);
        Assert.Equal(TrialStatus.Stopped, finished.Status);
        var trial = (await job.GetTrialsAsync())[0];
        Assert.True(trial.Curve[^1].Epoch < 30, $"stopped at epoch {trial.Curve[^1].Epoch}");
    }

    [Fact]
    public async Task WorkersShowEachSilosUtilisationWithoutGpuFigures()
    {
        using var client = await NewClientAsync();

        var workers = await client.Workers.ListAsync();

        var worker = Assert.Single(workers);
        Assert.Equal("Active", worker.Status);
        Assert.True(worker.Activations > 0);
        Assert.True(worker.MemoryTotalBytes > 0, $"{worker}");
        Assert.Null(worker.GpuPercent);
    }

    private async Task<TransferClient> NewClientAsync()
    {
        var (tenant, key) = await Tenants.NewAsync(host);
        (_tenant, _key) = (tenant, key.Key);
        return new TransferClient(host.Factory.CreateClient(), new TransferClientOptions { ApiKey = key.Key });
    }

    private static async Task<string> UploadAsync(TransferClient client) =>
        (await client.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"))).Id;

    public void Dispose() => _timeout.Dispose();

    /// <summary>Fails a watch that outlives any reasonable job (3 minutes from the test's start) instead of hanging.</summary>
    private CancellationToken Timeout() => _timeout.Token;

    /// <summary>An event's comparable fields (the judgement holds collections, which records compare by reference).</summary>
    private static object Key(JobEvent e) => (e.Id, e.Kind, e.At, e.Trial, e.Status, e.Sample, e.BestScore, e.Message);

    private static async Task<List<JobEvent>> CollectAsync(IAsyncEnumerable<JobEvent> events)
    {
        var list = new List<JobEvent>();
        await foreach (var item in events)
        {
            list.Add(item);
        }

        return list;
    }
}
