using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Ensemble;
using Transfer.Search.Ensembles;

// tools/bench ensemble [--repeat 5] [--seed 1]: times the jobs' ensemble selection (EnsembleSelection.SelectBagged with
// the jobs' settings: 20 rounds, EnsembleSelection.BagsFor bags, accuracy first (log loss first for a job on the loss),
// 2 % floor) on synthetic held-out predictions of the shapes a job meets, from the transfer bench's (15 trials, 720
// out-of-fold rows, 3 classes) to the most the study grain reads (50 trials) on a large hold-out. It runs in the study
// grain's finishing turn, which holds the grain (and the trial report that finished the job) until it is done.
var output = Arg("--out", Path.Combine(Environment.CurrentDirectory, "bench-results"));
var repeat = int.Parse(Arg("--repeat", "5"), CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed", "1"), CultureInfo.InvariantCulture);

(string Name, int Candidates, int Rows, int Classes, bool ByLoss)[] shapes =
[
    ("transfer_bench_job", 15, 720, 3, false),
    ("most_candidates_1000_rows", 50, 1000, 3, false),
    ("most_candidates_1000_rows_10_classes", 50, 1000, 10, false),
    ("most_candidates_12000_rows_10_classes", 50, 12000, 10, false),
    // A job whose objective is the loss ranks ensembles by log loss: a logarithm per example and candidate each round.
    ("most_candidates_1000_rows_by_loss", 50, 1000, 3, true),
];

var results = new Dictionary<string, object>();
foreach (var (name, count, rows, classes, byLoss) in shapes)
{
    var data = SyntheticCandidates.Create(count, rows, classes, seed);
    var bags = EnsembleSelection.BagsFor(rows);
    EnsembleChoice? choice = null;
    var times = new List<double>();
    long allocated = 0;
    for (var run = 0; run <= repeat; run++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        choice = EnsembleSelection.SelectBagged(data.Candidates, data.Labels, 20, bags, seed, byLoss, minWeight: 0.02);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (run > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    var median = times[times.Count / 2];
    var counts = choice!.Counts;
    var input = data.Candidates.Sum(c => c.Sum(r => (long)r.Length * sizeof(float)));
    Console.WriteLine($"{name}: {count} candidates x {rows} rows x {classes} classes, {bags} bags: median {median:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), allocated {allocated / 1e6:F1} MB (the probabilities: {input / 1e6:F1} MB); picks {string.Join(",", counts)}");
    results[name] = new
    {
        candidates = count,
        rows,
        classes,
        bags,
        rounds = 20,
        by_loss = byLoss,
        median_ms = Math.Round(median, 1),
        min_ms = Math.Round(times[0], 1),
        max_ms = Math.Round(times[^1], 1),
        allocated_mb = Math.Round(allocated / 1e6, 1),
        probabilities_mb = Math.Round(input / 1e6, 1),
        picks = counts,
        accuracy = Math.Round(choice.Accuracy, 4),
    };
}

Directory.CreateDirectory(output);
var report = new Dictionary<string, object>
{
    ["measure"] = $"wall time of one EnsembleSelection.SelectBagged call with the jobs' settings (20 rounds, BagsFor(rows) bags, accuracy first unless by_loss, 2 % floor), median of {repeat} runs after a warm-up, one thread, Release; allocated_mb: the bytes it allocated (the last run), against probabilities_mb, the candidates' probabilities it was given (float32 values alone)",
    ["data"] = "synthetic held-out predictions (SyntheticCandidates: shared per-example difficulty, per-candidate skill, Gaussian noise; seeded)",
    ["shapes"] = results,
    ["environment"] = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null },
};
var path = Path.Combine(output, "ensemble.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"wrote {path}");

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
