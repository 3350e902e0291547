using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Curves;
using Transfer.Curves;

// tools/bench curves [--curves <folder of labelled curves>] [--jobs <folder with one sub-folder of full trial curves per job>]
var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var outDir = Arg("--out") ?? Path.Combine(root, "bench-results");
var curvesDir = Arg("--curves") ?? Path.Combine(root, "tests", "Transfer.Curves.Tests", "curves");
var jobsDir = Arg("--jobs") ?? Path.Combine(root, "tools", "curves", "jobs");

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
var report = new
{
    source = string.Join("+", accuracy.Sources),
    curves = accuracy.Curves,
    judge_accuracy = Math.Round(accuracy.Overall, 4),
    per_state_accuracy = accuracy.PerState.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
    confusion = accuracy.Confusion,
    iterations_saved_share = Math.Round(1.0 - ((double)used / full), 4),
    best_delta = Math.Round(replays.Average(r => 100.0 * (r.BestWithPolicy - r.BestFull)), 3),
    best_delta_worst = Math.Round(replays.Min(r => 100.0 * (r.BestWithPolicy - r.BestFull)), 3),
    replay = new
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
            best_delta = Math.Round(100.0 * (r.BestWithPolicy - r.BestFull), 3),
        }),
    },
    judge_us = judgeUs,
    targets = new { judge_accuracy = ">= 0.9", per_state_accuracy = ">= 0.8 each", iterations_saved_share = ">= 0.5", best_delta = "|delta| <= 0.5 accuracy points" },
    measured = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
