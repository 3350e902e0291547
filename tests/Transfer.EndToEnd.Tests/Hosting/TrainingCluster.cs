using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Data;
using Transfer.Grains.Datasets;
using Transfer.Grains.Jobs;
using Transfer.Server.Hosting;
using Transfer.Server.Options;
using Transfer.Storage;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// An in-process cluster of silos that all train, on a private Azurite, with short trial leases: for the tests that kill
/// a worker silo mid-trial and watch the study grain notice.
/// </summary>
public sealed class TrainingCluster : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;

    private TrainingCluster(AzuriteProcess azurite, InProcessTestCluster cluster) => (_azurite, Cluster) = (azurite, cluster);

    /// <summary>The name the testing host gives the first silo (checked at start).</summary>
    public const string FirstSiloName = "Silo_0";

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// Starts Azurite and <paramref name="silos"/> training silos whose trial leases lapse after 6 s; <paramref name="jobs"/>
    /// changes the job options further, and <paramref name="services"/> adds to every silo's services. Without
    /// <paramref name="primaryTrains"/> the first silo has no worker role, so no trial runs there.
    /// </summary>
    public static async Task<TrainingCluster> StartAsync(short silos, Action<JobOptions>? jobs = null, Action<IServiceCollection>? services = null, bool primaryTrains = true)
    {
        var azurite = await AzuriteProcess.StartAsync();
        var connection = azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(initialSilosCount: silos);
        builder.ConfigureSilo((options, silo) =>
        {
            var trains = primaryTrains || options.SiloName != FirstSiloName;
            silo.ConfigureTransferSilo(new TransferSiloOptions { Clustering = "TestCluster" }, new StorageOptions { ConnectionString = connection }, runsTraining: trains);
            silo.Services.Configure<StorageOptions>(o => o.ConnectionString = connection);
            silo.Services.Configure<JobOptions>(o =>
            {
                (o.LeaseSeconds, o.LeaseCheckSeconds) = (6, 1);
                jobs?.Invoke(o);
            });
            silo.Services.AddTransferGrainServices();
            services?.Invoke(silo.Services);
        });
        builder.ConfigureClient(client => client.Services.AddTransferSerialization());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        Assert.Equal(FirstSiloName, cluster.Silos[0].Name); // the name primaryTrains goes by
        return new TrainingCluster(azurite, cluster);
    }

    /// <summary>Stores a seed IDX dataset's blobs and commits its dataset grain, as an upload does.</summary>
    public async Task<DatasetInfo> StoreDatasetAsync(string tenant, string id, string seed)
    {
        var store = Cluster.Silos[0].ServiceProvider.GetRequiredService<DatasetBlobStore>();
        await store.EnsureContainerAsync();
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
        await Client.GetGrain<IDatasetGrain>($"{tenant}/{id}").CommitAsync(info);
        return info;
    }

    /// <summary>Hard-kills the silo that hosts the trial runner <paramref name="runnerKey"/> (<c>tenant/job/trial/attempt</c>).</summary>
    public Task KillWorkerOfAsync(string runnerKey) => KillSiloOfAsync(runnerKey);

    /// <summary>Hard-kills the silo that hosts the grain keyed <paramref name="grainKey"/> (one grain of that key must be active).</summary>
    public async Task KillSiloOfAsync(string grainKey) => await KillSiloAsync(await SiloOfAsync(grainKey));

    /// <summary>Hard-kills the silo at <paramref name="silo"/>.</summary>
    public Task KillSiloAsync(SiloAddress silo) => Cluster.KillSiloAsync(Cluster.Silos.Single(s => s.SiloAddress.Equals(silo)));

    /// <summary>The silo that hosts the grain keyed <paramref name="grainKey"/> (one grain of that key must be active).</summary>
    public async Task<SiloAddress> SiloOfAsync(string grainKey)
    {
        var stats = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var found = stats.Where(s => s.GrainId.Key.ToString() == grainKey).ToArray();
        Assert.True(found.Length == 1, $"grain {grainKey} not found among {string.Join(", ", stats.Select(s => s.GrainId.ToString()))}");
        return found[0].SiloAddress;
    }

    /// <summary>
    /// A study grain activated on the first silo (without the worker role when it was started so). The default placement
    /// (resource-optimized) would pick by the silos' load, which in one process is the same for all: the call that activates
    /// it carries a placement hint, which Orleans' placement directors honour for a compatible silo.
    /// </summary>
    public async Task<IStudyGrain> StudyOnFirstSiloAsync(string tenant)
    {
        var first = Cluster.Silos[0].SiloAddress;
        var study = Client.GetGrain<IStudyGrain>($"{tenant}/job-0");
        RequestContext.Set(IPlacementDirector.PlacementHintKey, first);
        try
        {
            Assert.Null(await study.GetAsync()); // an empty study: it holds nothing yet
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        Assert.Equal(first, await SiloOfAsync(study.GetPrimaryKeyString()));
        return study;
    }

    /// <summary>The study's events up to the first that matches <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<JobEvent>> WaitForEventAsync(IStudyGrain study, long after, Func<JobEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<JobEvent>();
        while (true)
        {
            var batch = await AnswerAsync(() => study.GetEventsAsync(seen.Count > 0 ? seen[^1].Id : after, 1000), deadline);
            seen.AddRange(batch);
            if (batch.Any(match))
            {
                return seen;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no matching event within {timeout}; saw {string.Join(", ", seen.Select(e => $"{e.Kind}({e.Trial}) {e.Message}"))}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the job has finished (its model registered); fails after <paramref name="timeout"/>.</summary>
    public static async Task<JobInfo> WaitUntilFinishedAsync(IStudyGrain study, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JobInfo job;
        while ((job = (await AnswerAsync(study.GetAsync, deadline))!).FinishedAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the job did not finish within {timeout}: {job}");
            await Task.Delay(500);
        }

        return job;
    }

    /// <summary>
    /// Calls a grain until a silo that is up answers for it. After a silo is killed, a call to a grain that lived there (or
    /// through its gateway) times out or is rejected until the cluster has declared the silo dead; then the grain comes back
    /// on a survivor. Fails with the last such error after <paramref name="deadline"/>.
    /// </summary>
    public static async Task<T> AnswerAsync<T>(Func<Task<T>> call, DateTime deadline)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
