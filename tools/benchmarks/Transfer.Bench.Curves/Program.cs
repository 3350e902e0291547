using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Curves;
using Transfer.Curves;
using Transfer.Data;
using Transfer.Training;

// tools/bench curves [--curves <folder of labelled curves>] [--jobs <folder with one sub-folder of full trial curves per job>]
//                    [--datasets fmnist-tops-a,fmnist-shoes-bags,fmnist-shoes-a,fmnist-tops-b] [--trials 16] [--epochs 6] [--seed 1]
var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var outDir = Arg("--out") ?? Path.Combine(root, "bench-results");
var curvesDir = Arg("--curves") ?? Path.Combine(root, "tests", "Transfer.Curves.Tests", "curves");
var jobsDir = Arg("--jobs") ?? Path.Combine(root, "tools", "curves", "jobs");

var datasets = Arg("--datasets") ?? "fmnist-tops-a,fmnist-shoes-bags,fmnist-shoes-a,fmnist-tops-b";
var trialCount = int.Parse(Arg("--trials") ?? "16", CultureInfo.InvariantCulture);
var epochs = int.Parse(Arg("--epochs") ?? "6", CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed") ?? "1", CultureInfo.InvariantCulture);
var judge = new CurveJudge();
var accuracy = JudgeAccuracy.Measure(judge, await CurveFiles.ReadFolderAsync(curvesDir));
Console.WriteLine($"judge accuracy {accuracy.Overall:P1} on {accuracy.Curves} curves ({string.Join(", ", accuracy.Sources)})");
Console.WriteLine("confusion (rows = label, columns = judged):");
foreach (var (label, row) in accuracy.Confusion)
{
    Console.WriteLine($"  {label,-14}" + string.Join(" ", row.Select(c => $"{c.Key}={c.Value}")));
}

foreach (var wrong in accuracy.Wrong)
{
    Console.WriteLine($"  wrong: {wrong}");
}

var policy = new EarlyStopPolicy(judge);
var replays = new List<EarlyStopReplay>();
var jobSources = new SortedSet<string>(StringComparer.Ordinal);
foreach (var job in Directory.EnumerateDirectories(jobsDir).Order(StringComparer.Ordinal))
{
    var trials = await CurveFiles.ReadFolderAsync(job);
    jobSources.UnionWith(trials.Select(t => t.Source));
    var replay = EarlyStopReplay.Run(Path.GetFileName(job), policy, trials);
    replays.Add(replay);
    Console.WriteLine($"{replay.Job}: {replay.Trials} trials, {replay.Stopped} stopped, saved {replay.SavedShare:P1}, best {replay.BestFull:0.0000} -> {replay.BestWithPolicy:0.0000}");
}

var timing = JudgeTiming.TimingCurve(seed: 7);
var judgeUs = new SortedDictionary<string, double>(StringComparer.Ordinal)
{
    ["50"] = Math.Round(JudgeTiming.MedianMicroseconds(judge, timing, 50, 2000), 1),
    ["200"] = Math.Round(JudgeTiming.MedianMicroseconds(judge, timing, 200, 2000), 1),
};
Console.WriteLine($"judge_us: 50 points {judgeUs["50"]} us, 200 points {judgeUs["200"]} us");

var full = replays.Sum(r => r.IterationsFull);
var used = replays.Sum(r => r.IterationsWithPolicy);

TorchRuntime.Configure(new TorchOptions(1, "cpu"));
var seeds = Path.Combine(root, "knowledge-base-seeds");
var jobs = new List<RealJob>();
foreach (var dataset in datasets.Split(',', StringSplitOptions.RemoveEmptyEntries))
{
    ImageData images;
    await using (var pixels = File.OpenRead(Path.Combine(seeds, "datasets", dataset, "images-idx3-ubyte.gz")))
    await using (var labels = File.OpenRead(Path.Combine(seeds, "datasets", dataset, "labels-idx1-ubyte.gz")))
    {
        images = await IdxReader.ReadAsync(pixels, labels);
    }

    var clock = Stopwatch.StartNew();
    await using var weights = File.OpenRead(Path.Combine(seeds, "benchmark-models", "cnn-fmnist-clothing6", "weights.bin"));
    var (search, studyBest) = await RealSearch.RunAsync(images, weights, trialCount, epochs, seed, Console.WriteLine);
    var job = new RealJob(dataset, images.Count, clock.Elapsed.TotalSeconds, search, studyBest);
    jobs.Add(job);
    Console.WriteLine($"{dataset}: {search.Count} trials, {search.Count(t => t.StoppedAtReport is not null)} stopped, steps {job.StepsFull} -> {job.StepsStudy}, best {job.BestFull:0.0000} -> {job.BestStudy:0.0000}, {job.Seconds:0} s");
}

var stepsFull = jobs.Sum(j => j.StepsFull);
var stepsStudy = jobs.Sum(j => j.StepsStudy);
var report = new
{
    source = string.Join("+", accuracy.Sources),
    curves = accuracy.Curves,
    judge_accuracy = Math.Round(accuracy.Overall, 4),
    per_state_accuracy = accuracy.PerState.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
    per_source = accuracy.PerSource,
    confusion = accuracy.Confusion,
    iterations_saved_share = Math.Round(1.0 - ((double)stepsStudy / stepsFull), 4),
    best_delta = Math.Round(jobs.Average(j => j.BestDelta), 3),
    best_delta_worst = Math.Round(jobs.Max(j => j.BestDelta), 3),
    method = "real searches, replayed: per dataset, the study's StudyEngine (TPE with the baseline first, ASHA min 1 / max epochs / factor 4, "
        + "the judge's EarlyStopPolicy; both treat a validation accuracy within its binomial standard error of a cut-off as reaching it; at the last rung the judge decides) proposes each configuration of JobPlanner's default joint space; the trial is fine-tuned from "
        + "the benchmark model cnn-fmnist-clothing6 with the real trainer to its planned end (arm a) and its reports are then fed to StudyEngine.Report until "
        + "it says stop (arm b), the engine being told the trial ended there before it proposes the next one. Training is seeded per trial, "
        + "so a stopped trial's reports are exactly the prefix of its full run; both arms run the same configurations. One trial at a time. "
        + "iterations_saved_share = 1 - steps(b)/steps(a) over all jobs; best_delta = mean over jobs of best final validation accuracy (a) - "
        + "the study's best (b), in points (best_delta_worst: the largest).",
    searches = jobs.Select(j => j.Summary(epochs, seed)),
    synthetic_replay = new
    {
        source = string.Join("+", jobSources),
        folder = Path.GetRelativePath(root, jobsDir),
        jobs = replays.Select(r => new
        {
            job = r.Job,
            trials = r.Trials,
            stopped = r.Stopped,
            iterations_full = r.IterationsFull,
            iterations_with_policy = r.IterationsWithPolicy,
            saved_share = Math.Round(r.SavedShare, 4),
            best_full = r.BestFull,
            best_with_policy = r.BestWithPolicy,
            best_delta = Math.Round(100.0 * (r.BestFull - r.BestWithPolicy), 3),
        }),
    },
    synthetic_iterations_saved_share = Math.Round(1.0 - ((double)used / full), 4),
    synthetic_best_delta = Math.Round(replays.Average(r => 100.0 * (r.BestFull - r.BestWithPolicy)), 3),
    judge_us = judgeUs,
    targets = new { judge_accuracy = ">= 0.9", per_state_accuracy = ">= 0.8 each", iterations_saved_share = ">= 0.5", best_delta = "|delta| <= 0.5 accuracy points" },
    measured = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
};
Directory.CreateDirectory(outDir);
var path = Path.Combine(outDir, "curves.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.WriteLine($"wrote {path}");

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
