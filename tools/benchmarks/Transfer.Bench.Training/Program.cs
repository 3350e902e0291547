using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Training;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;

// tools/bench training [--epochs 10] [--threads 1] [--data /usr/share/datasets/fashion-mnist]
var options = BenchArgs.Parse(args);
var device = TorchRuntime.Configure(new TorchOptions(options.Threads, "cpu"));
Console.WriteLine($"reading Fashion-MNIST train set from {options.Data}");
ImageData train;
await using (var images = File.OpenRead(Path.Combine(options.Data, "train-images-idx3-ubyte.gz")))
await using (var labels = File.OpenRead(Path.Combine(options.Data, "train-labels-idx1-ubyte.gz")))
{
    train = await IdxReader.ReadAsync(images, labels);
}

var split = new DataSplit([.. Enumerable.Range(0, train.Count)], [], []);
var data = PreparedData.FromImages(train, split);
var spec = ModelFamilies.ReferenceCnn(data.Preprocessing.Input, train.Classes.Count);
var perEpoch = (train.Count + 63) / 64;

// Throughput at 2 threads first (short), then the long 1-thread run that gives every other number.
var twoThreads = Throughput(spec, data, threads: 2, steps: 300);
Console.WriteLine($"2 threads: {twoThreads.ExamplesPerSecond:F0} img/s");

using var model = SpecModule.Create(spec, seed: 1, device);
var solver = new SolverConfig(BaseLr: 0.01, Momentum: 0.9, BatchSize: 64, Epochs: options.Epochs, TestInterval: perEpoch);
TorchRuntime.Configure(new TorchOptions(options.Threads, "cpu"));
using var trainer = new Trainer(model, solver, data.Train, null, new TrainerOptions(Seed: 1, CollectTimings: true));
var rss = new List<double>();
await foreach (var report in trainer.RunAsync())
{
    if (report.Kind == ReportKind.Progress)
    {
        rss.Add(ProcessMemory.RssMb());
        Console.WriteLine($"epoch {report.Epoch:F0}: loss {report.TrainLoss:F4}, {trainer.Timings.ExamplesPerSecond:F0} img/s, overhead {trainer.Timings.OverheadShare:P1}, rss {rss[^1]:F0} MB");
    }
}

var timings = trainer.Timings;
var result = new Dictionary<string, object>
{
    ["images_per_s"] = Math.Round(timings.ExamplesPerSecond, 1),
    ["overhead_share"] = Math.Round(timings.OverheadShare, 4),
    ["peak_rss_mb"] = Math.Round(ProcessMemory.PeakRssMb(), 1),
    ["rss_growth_mb"] = Math.Round(rss.Count > 1 ? rss[^1] - rss[0] : double.NaN, 1),
    ["images_per_s_2_threads"] = Math.Round(twoThreads.ExamplesPerSecond, 1),
    ["overhead_share_2_threads"] = Math.Round(twoThreads.OverheadShare, 4),
    ["rss_mb_per_epoch"] = rss.Select(r => Math.Round(r, 1)).ToList(),
    ["final_train_loss"] = Math.Round(trainer.Curve.Last(r => r.TrainLoss is not null).TrainLoss!.Value, 4),
    ["targets"] = new Dictionary<string, object> { ["overhead_share"] = "<= 0.10", ["rss_growth_mb"] = "<= 20" },
    ["setup"] = new Dictionary<string, object>
    {
        ["model"] = spec.ToString(),
        ["batch"] = 64,
        ["threads"] = options.Threads,
        ["epochs"] = options.Epochs,
        ["train_images"] = train.Count,
        ["optimizer"] = "SGD momentum 0.9, lr 0.01",
        ["omp_wait_policy"] = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)",
        ["processor_count"] = Environment.ProcessorCount,
        ["measured_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    },
};
Directory.CreateDirectory(options.Out);
var path = Path.Combine(options.Out, "training.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine(File.ReadAllText(path));
Console.WriteLine($"wrote {path}");

static StepTimings Throughput(ModelSpec spec, PreparedData data, int threads, int steps)
{
    TorchRuntime.Configure(new TorchOptions(threads, "cpu"));
    using var model = SpecModule.Create(spec, seed: 2, TorchRuntime.Device);
    using var trainer = new Trainer(model, new SolverConfig(BaseLr: 0.01, BatchSize: 64, MaxIter: steps, TestInterval: steps), data.Train, null, new TrainerOptions(Seed: 2, CollectTimings: true));
    trainer.RunAsync().ToBlockingEnumerable().ToList();
    return trainer.Timings;
}
