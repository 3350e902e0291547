using System.Diagnostics;
using System.Text.Json;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.KbSeeds;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;
using Transfer.Server.Jobs;
using Transfer.Server.Knowledge;
using Transfer.Training;

// Regenerates the knowledge base's seed benchmark model and tuning histories from the seed datasets.
// Usage: --seeds <knowledge-base-seeds folder> [--trials 24] [--epochs 3] [--seed 1] [--sampler tpe|random]
//        [--finetune true|false] [--only name,name]
var options = Args.Parse(args);
var seeds = Path.GetFullPath(options.GetValueOrDefault("seeds", "knowledge-base-seeds"));
var trials = int.Parse(options.GetValueOrDefault("trials", "24"), System.Globalization.CultureInfo.InvariantCulture);
var epochs = int.Parse(options.GetValueOrDefault("epochs", "3"), System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
var samplerName = options.GetValueOrDefault("sampler", "tpe");
var finetune = bool.Parse(options.GetValueOrDefault("finetune", "true"));
var only = options.TryGetValue("only", out var list) ? list.Split(',').ToHashSet(StringComparer.Ordinal) : null;
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
TorchRuntime.Configure(new TorchOptions(1, "cpu"));

// 1. The benchmark model: SmallCnn (two conv blocks, a small FC(32) head) pretrained on fmnist-clothing6 for 3 epochs.
const string ModelId = "cnn-fmnist-clothing6";
var modelFolder = Path.Combine(seeds, "benchmark-models", ModelId);
if (only is null || only.Contains(ModelId))
{
    var clothing = await SeedDatasets.ReadAsync(Path.Combine(seeds, "datasets", "fmnist-clothing6"));
    var images = (ImageData)clothing;
    var spec = ModelFamilies.SmallCnn(InputSpec.Image(images.Channels, images.Height, images.Width), images.Classes.Count, width: 32, depth: 2, hidden: 32);
    var data = SeedTrainer.Prepare(clothing, seed);
    var steps = (data.Train.Count + 63) / 64;
    var solver = new SolverConfig(BaseLr: 0.01, LrPolicy: LrPolicy.Fixed, Momentum: 0.9, WeightDecay: 5e-4, Optimizer: OptimizerKind.Sgd, BatchSize: 64, MaxIter: 3 * steps, Epochs: 3, TestInterval: steps);
    Directory.CreateDirectory(modelFolder);
    var clock = Stopwatch.StartNew();
    double? accuracy;
    await using (var weights = File.Create(Path.Combine(modelFolder, "weights.bin")))
    {
        accuracy = await SeedTrainer.PretrainAsync(data, spec, solver, seed, weights);
    }

    var recipe = JsonSerializer.SerializeToElement(new { dataset = "fmnist-clothing6", split = new { validation = 0.2, test = 0.2, seed }, solver, seed, validationAccuracy = accuracy, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), tool = "tools/kb-seeds/Transfer.KbSeeds" }, json);
    await File.WriteAllTextAsync(Path.Combine(modelFolder, "model.json"), JsonSerializer.Serialize(new SeedModelManifest(ModelId, "fmnist-clothing6", spec, "weights.bin", recipe), json));
    Console.WriteLine($"{ModelId}: validation accuracy {accuracy:0.###} in {clock.Elapsed.TotalSeconds:0.0} s");
}

// 2. A search per seed dataset in the server's default joint space, baseline first. Image datasets of the benchmark
//    model's input shape are fine-tuned from it, as a job in their group does; the others train from scratch.
var histories = Directory.CreateDirectory(Path.Combine(seeds, "histories")).FullName;
var benchmark = finetune ? await SeedBenchmark.LoadAsync(modelFolder) : null;

foreach (var folder in Directory.GetDirectories(Path.Combine(seeds, "datasets")).Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(folder);
    if (only is not null && !only.Contains(name))
    {
        continue;
    }

    var clock = Stopwatch.StartNew();
    var decoded = await SeedDatasets.ReadAsync(folder);
    var baseModel = SeedTrainer.BaseModel(decoded);
    var fromBenchmark = benchmark is not null && benchmark.Fits(baseModel);
    if (fromBenchmark)
    {
        baseModel = benchmark!.BaseModel(baseModel);
    }

    var definition = JobPlanner.DefaultSpace(baseModel.Input.IsImage, baseModel.BackboneBlocks, epochs);
    var sampler = SamplerFactory.Create(new SamplerDefinition(samplerName, seed, WarmStart: new WarmStartDefinition(Enqueued: [JobPlanner.Baseline(definition, 0)])), SearchSpace.Create(definition));
    var data = SeedTrainer.Prepare(decoded, seed);
    var records = new List<TrialRecord>();
    var history = new TrialHistory(records, StudyDirection.Maximize);
    var done = new List<HistoryTrial>();
    for (var n = 0; n < trials; n++)
    {
        var configuration = sampler.Ask(history);
        using var weights = fromBenchmark ? benchmark!.OpenWeights() : null;
        var accuracy = await SeedTrainer.TrainAsync(data, baseModel, configuration, epochs, seed + n, weights);
        var record = new TrialRecord(n, configuration, accuracy is null ? TrialState.Failed : TrialState.Complete, accuracy);
        records.Add(record);
        sampler.Tell(history, record);
        if (accuracy is { } score)
        {
            done.Add(new HistoryTrial($"{n}", ConfigurationJson.ToJson(configuration), score, epochs));
        }
    }

    var how = fromBenchmark ? $"fine-tuned from {ModelId}" : "from scratch";
    var file = new SeedHistoryFile($"seed-{name}-{samplerName}-s{seed}", name, $"tools/kb-seeds: {samplerName} search, {how}, baseline first, {trials} trials x {epochs} epochs, seed {seed}", done);
    await File.WriteAllTextAsync(Path.Combine(histories, $"{name}.json"), JsonSerializer.Serialize(file, json));
    Console.WriteLine($"{name}: {done.Count} trials, best {done.Select(t => t.Score).DefaultIfEmpty().Max():0.###} in {clock.Elapsed.TotalSeconds:0.0} s");
}
