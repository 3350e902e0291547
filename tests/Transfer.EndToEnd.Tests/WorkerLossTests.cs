using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Data;
using Transfer.Grains.Datasets;
using Transfer.Grains.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Server.Hosting;
using Transfer.Server.Jobs;
using Transfer.Server.Options;
using Transfer.Storage;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A two-silo in-process cluster on a private Azurite: a worker silo dies mid-trial (hard kill), the study notices the
/// lapsed lease and re-runs the trial on the surviving silo, and the job completes.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class WorkerLossTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var connection = _azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureTransferSilo(new TransferSiloOptions { Clustering = "TestCluster" }, new StorageOptions { ConnectionString = connection }, runsTraining: true);
            silo.Services.Configure<StorageOptions>(o => o.ConnectionString = connection);
            silo.Services.Configure<JobOptions>(o => (o.LeaseSeconds, o.LeaseCheckSeconds) = (6, 1));
            silo.Services.AddTransferGrainServices();
        });
        builder.ConfigureClient(client => client.Services.AddTransferSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task AJobCompletesAfterTheWorkerRunningItsTrialDies()
    {
        var (tenant, dataset) = await StoreDatasetAsync("fmnist-clothing6");
        // Scored by 2-fold cross-validation: the re-run attempt resumes each fold from its own checkpoint.
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 3, Seed: 3, Validation: new JobValidation(JobValidation.KFold, Folds: 2));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        var study = _cluster.Client.GetGrain<IStudyGrain>($"{tenant}/job-loss");
        await study.StartAsync(request, dataset, plan);

        var events = await WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.TrialReported && e.Trial == 0, TimeSpan.FromMinutes(2));
        var victim = await SiloOfAsync($"{tenant}/job-loss/0/1");
        await _cluster.KillSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(victim)));

        var deadline = DateTime.UtcNow.AddMinutes(4);
        JobInfo? job;
        while ((job = await study.GetAsync())!.Status == JobStatus.Running)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the job did not finish after losing a worker: {job}");
            await Task.Delay(500);
        }

        var trials = await study.GetTrialsAsync();
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(trials[0].Attempts >= 2, $"trial 0 should have been re-run, attempts {trials[0].Attempts}");
        Assert.True(trials[0].Status is TrialStatus.Completed or TrialStatus.Pruned, $"trial 0 ended {trials[0].Status}: {trials[0].StopReason}");
        Assert.Equal(2, trials[0].Folds);
        Assert.NotNull(job.TestScore);
        Assert.NotEmpty(events);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private async Task<(string Tenant, DatasetInfo Dataset)> StoreDatasetAsync(string seed)
    {
        var services = _cluster.Silos[0].ServiceProvider;
        var store = services.GetRequiredService<DatasetBlobStore>();
        await store.EnsureContainerAsync();
        var tenant = "loss";
        var id = "ds-loss";
        var folder = RepositoryPaths.SeedDataset(seed);
        var files = new List<DatasetFile>();
        foreach (var (part, file) in new[] { (DatasetParts.Images, "images-idx3-ubyte.gz"), (DatasetParts.Labels, "labels-idx1-ubyte.gz") })
        {
            await using var content = File.OpenRead(Path.Combine(folder, file));
            var blob = await store.UploadAsync(tenant, id, part, content, long.MaxValue);
            files.Add(new DatasetFile(part, file, blob.SizeBytes, blob.Sha256));
        }

        await using var images = await store.OpenReadAsync(tenant, id, DatasetParts.Images);
        await using var labels = await store.OpenReadAsync(tenant, id, DatasetParts.Labels);
        var schema = await IdxReader.InspectAsync(images, labels);
        var info = new DatasetInfo(id, seed, DatasetStatus.Ready, schema, files, DateTimeOffset.UtcNow);
        await _cluster.Client.GetGrain<IDatasetGrain>($"{tenant}/{id}").CommitAsync(info);
        return (tenant, info);
    }

    private async Task<SiloAddress> SiloOfAsync(string runnerKey)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        var runner = stats.Where(s => s.GrainId.Key.ToString() == runnerKey).ToArray();
        Assert.True(runner.Length == 1, $"runner {runnerKey} not found among {string.Join(", ", stats.Select(s => s.GrainId.ToString()))}");
        return runner[0].SiloAddress;
    }

    private static async Task<IReadOnlyList<JobEvent>> WaitForEventAsync(IStudyGrain study, long after, Func<JobEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<JobEvent>();
        while (true)
        {
            var batch = await study.GetEventsAsync(seen.Count > 0 ? seen[^1].Id : after, 1000);
            seen.AddRange(batch);
            if (batch.Any(match))
            {
                return seen;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no matching event within {timeout}; saw {string.Join(", ", seen.Select(e => $"{e.Kind}({e.Trial}) {e.Message}"))}");
            await Task.Delay(200);
        }
    }
}
