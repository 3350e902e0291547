using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Transfer.Bench.Orchestration;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Grains;
using Transfer.Grains.Jobs;
using Transfer.Server.Hosting;
using Transfer.Server.Jobs;

// tools/bench orchestration [--studies 16] [--trials 100] [--reports 10]: one silo, a trainer that does no work,
// many studies at once; measures trials/s and intermediate reports/s through the study and runner grains.
var output = Arg("--out", Path.Combine(Environment.CurrentDirectory, "bench-results"));
var studies = int.Parse(Arg("--studies", "16"), System.Globalization.CultureInfo.InvariantCulture);
var trialsPerStudy = int.Parse(Arg("--trials", "100"), System.Globalization.CultureInfo.InvariantCulture);
var reportsPerTrial = int.Parse(Arg("--reports", "10"), System.Globalization.CultureInfo.InvariantCulture);

var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
builder.ConfigureSilo((_, silo) =>
{
    silo.AddMemoryGrainStorage(GrainStorage.Default);
    silo.UseInMemoryReminderService();
    silo.Services.AddTransferSerialization();
    silo.Services.AddSingleton<ITrialExecutor>(new NoWorkExecutor(reportsPerTrial));
    silo.Services.Configure<JobOptions>(o => o.WorkerSlots = 256); // a trainer that does no work needs no device slot
    silo.Services.AddTransferGrainServices();
});
builder.ConfigureClient(c => c.Services.AddTransferSerialization());
await using var cluster = builder.Build();
await cluster.DeployAsync();

var results = new Dictionary<string, object>();
foreach (var (name, sampler, scheduler) in new[] { ("random_fifo", "random", "fifo"), ("tpe_asha", "tpe", "asha") })
{
    NoWorkExecutor.Reports = 0;
    var stopwatch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, studies).Select(i => RunStudyAsync(cluster, $"{name}-{i}", sampler, scheduler)));
    stopwatch.Stop();
    var trials = studies * trialsPerStudy;
    results[name] = new
    {
        trials,
        reports = NoWorkExecutor.Reports,
        seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
        trials_per_s = Math.Round(trials / stopwatch.Elapsed.TotalSeconds, 1),
        reports_per_s = Math.Round(NoWorkExecutor.Reports / stopwatch.Elapsed.TotalSeconds, 1),
    };
    Console.WriteLine($"{name}: {JsonSerializer.Serialize(results[name])}");
    var bytes = await StateBytesAsync(cluster, $"{name}-0");
    Console.WriteLine($"{name}: study state {bytes} bytes");
}

var headline = (dynamic)results["random_fifo"];
var report = new Dictionary<string, object>
{
    ["trials_per_s"] = headline.trials_per_s,
    ["reports_per_s"] = headline.reports_per_s,
    ["targets"] = new { trials_per_s = ">= 500", reports_per_s = ">= 5000" },
    ["runs"] = results,
    ["setup"] = new
    {
        silos = 1,
        studies_in_parallel = studies,
        trials_per_study = trialsPerStudy,
        reports_per_trial = reportsPerTrial,
        parallelism_per_study = 4,
        storage = "Orleans memory grain storage (Azurite's per-write latency is not what this measures)",
        trainer = "no work: reports at once",
        worker_slots = 256,
        persistence = "every state transition written at once; curve reports coalesced to one write a second per study",
        machine = $"{Environment.ProcessorCount} cores",
    },
};
Directory.CreateDirectory(output);
await File.WriteAllTextAsync(Path.Combine(output, "orchestration.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"wrote {Path.Combine(output, "orchestration.json")}");

async Task RunStudyAsync(InProcessTestCluster cluster, string id, string sampler, string scheduler)
{
    var dataset = new DatasetInfo(
        "ds-bench", "bench", DatasetStatus.Ready,
        new DatasetSchema(DatasetFormat.Idx, 1000, [new ClassCount("a", 500), new ClassCount("b", 500)], Image: new ImageShape(1, 28, 28)),
        [], DateTimeOffset.UtcNow);
    var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(trialsPerStudy), Sampler: new SamplerDefinition(sampler, 1), Scheduler: new SchedulerDefinition(scheduler, 1, 2, 3), Parallelism: 4, MaxEpochs: 2);
    var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
    var study = cluster.Client.GetGrain<IStudyGrain>($"bench/{id}");
    await study.StartAsync(request, dataset, plan);
    while ((await study.GetAsync())!.Status == JobStatus.Running)
    {
        await Task.Delay(20);
    }
}

// The size of one study's state as the host's storage serializer writes it (what every write of the study costs).
async Task<long> StateBytesAsync(InProcessTestCluster cluster, string id)
{
    var services = cluster.Silos[0].ServiceProvider;
    var storage = services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(GrainStorage.Default);
    var record = new Orleans.GrainState<StudyState>(new StudyState());
    await storage.ReadStateAsync("study", cluster.Client.GetGrain<IStudyGrain>($"bench/{id}").GetGrainId(), record);
    var data = services.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>().Serialize(record.State);
    return data.ToMemory().Length;
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
