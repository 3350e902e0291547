using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transfer.Bench.Kb;
using Transfer.Contracts.Knowledge;
using Transfer.Data;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Groups;
using Transfer.MetaLearning.Knowledge;

var outDir = Arg("--out") ?? "bench-results";
var kbSize = int.Parse(Arg("--kb-datasets") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
var repo = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var fmnist = Arg("--fmnist") ?? "/usr/share/datasets/fashion-mnist";
var seeds = Path.Combine(repo, "knowledge-base-seeds", "datasets");
var extractor = new MetaFeatureExtractor();
var report = new JsonObject { ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}" };

// 1. Fashion-MNIST train: decode, then meta-features (first run includes JIT; then the median of three).
var sw = Stopwatch.StartNew();
ImageData train;
await using (var images = File.OpenRead(Path.Combine(fmnist, "train-images-idx3-ubyte.gz")))
await using (var labels = File.OpenRead(Path.Combine(fmnist, "train-labels-idx1-ubyte.gz")))
{
    train = await IdxReader.ReadAsync(images, labels);
}

report["fmnist_train"] = Timed(train.Count, sw.Elapsed.TotalSeconds, () => extractor.Extract(train, seed: 1));
if (args.Contains("--metafeatures-only"))
{
    // A quick probe (e.g. of JIT settings): prints the Fashion-MNIST timings, writes nothing.
    Console.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return;
}

// 2. A 100,000-row CSV: rows of the weka credit-g seed table drawn with replacement (seed 1), written, read back.
var csvPath = Path.Combine(Path.GetTempPath(), "transfer-bench-kb-100k.csv");
var sourceLines = File.ReadAllLines(Path.Combine(seeds, "weka-credit-g", "data.csv"));
var csvRandom = new Random(1);
var csv = new StringBuilder(sourceLines[0]).Append('\n');
for (var i = 0; i < 100_000; i++)
{
    csv.Append(sourceLines[1 + csvRandom.Next(sourceLines.Length - 1)]).Append('\n');
}

await File.WriteAllTextAsync(csvPath, csv.ToString());
sw.Restart();
TabularData table;
await using (var stream = File.OpenRead(csvPath))
{
    table = await CsvTableReader.ReadAsync(stream, "label");
}

var csvReport = Timed(table.Rows, sw.Elapsed.TotalSeconds, () => extractor.Extract(table, seed: 1));
csvReport["source"] = "100,000 rows drawn with replacement (seed 1) from knowledge-base-seeds/datasets/weka-credit-g/data.csv (1,000 real rows, 20 features, 13 categorical)";
csvReport["columns_encoded"] = table.Columns;
report["csv_100k"] = csvReport;
File.Delete(csvPath);

// 3. A knowledge base of real subsets: half Fashion-MNIST class/row subsets, half row/column subsets of the seed tables.
var tables = new List<TabularData>();
foreach (var dir in Directory.GetDirectories(seeds).Order(StringComparer.Ordinal).Where(d => File.Exists(Path.Combine(d, "data.csv"))))
{
    await using var stream = File.OpenRead(Path.Combine(dir, "data.csv"));
    tables.Add(await CsvTableReader.ReadAsync(stream, "label"));
}

var kbExtractor = new MetaFeatureExtractor(new MetaFeatureOptions { SubsampleCap = 300 });
var vectors = new MetaFeatureVector[kbSize];
sw.Restart();
Parallel.For(0, kbSize, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
{
    var random = new Random(1000 + i);
    vectors[i] = i % 2 == 0
        ? kbExtractor.Extract(KbSubsets.Images(train, random), seed: i)
        : kbExtractor.Extract(KbSubsets.Table(tables[random.Next(tables.Count)], random), seed: i);
});
var datasets = vectors.Select((v, i) => new DatasetMetaFeatures($"kb-{i:D4}", v)).ToList();
var kbBuild = sw.Elapsed.TotalSeconds;
sw.Restart();
var grouping = new DatasetGrouper().Fit(datasets, seed: 42);
var recluster = sw.Elapsed.TotalSeconds;

// Trials: 20 per dataset from a small grid of solver settings. Their scores are seeded placeholders: the timing of a
// recommendation does not depend on them, and no claim about quality is made from them.
string[] policies = ["fixed", "step", "inv", "poly"];
var trialRandom = new Random(3);
var trials = datasets.SelectMany(d => Enumerable.Range(0, 20).Select(t => new TrialKnowledge(
    d.DatasetId,
    $"{d.DatasetId}/t{t}",
    d.MetaFeatures,
    new Dictionary<string, JsonElement>
    {
        ["base_lr"] = JsonSerializer.SerializeToElement(Math.Round(Math.Pow(10, -4 + (3 * trialRandom.NextDouble())), 4)),
        ["lr_policy"] = JsonSerializer.SerializeToElement(policies[trialRandom.Next(policies.Length)]),
        ["batch_size"] = JsonSerializer.SerializeToElement(32 << trialRandom.Next(3)),
    },
    trialRandom.NextDouble(),
    Cost: 1,
    new Dictionary<string, double>()))).ToArray();
sw.Restart();
var recommender = Recommender.Build(trials);
var indexMs = sw.Elapsed.TotalMilliseconds;
var times = new List<double>();
for (var q = 0; q < 200; q++)
{
    var query = datasets[(q * 7) % datasets.Count].MetaFeatures;
    sw.Restart();
    _ = recommender.Recommend(query, count: 5);
    times.Add(sw.Elapsed.TotalMilliseconds);
}

var assignTimes = new List<double>();
foreach (var d in datasets.Take(200))
{
    sw.Restart();
    _ = DatasetGrouper.Assign(grouping, d.MetaFeatures);
    assignTimes.Add(sw.Elapsed.TotalMilliseconds);
}

times.Sort();
assignTimes.Sort();
report["kb"] = new JsonObject
{
    ["datasets"] = datasets.Count,
    ["trials"] = trials.Length,
    ["source"] = "real subsets: Fashion-MNIST train class/row subsets and seed-table row/column subsets (seeded); meta-features with SubsampleCap 300; trial scores are seeded placeholders (timing only)",
    ["kb_metafeatures_s"] = Round(kbBuild),
    ["kb_metafeatures_note"] = "all datasets' meta-features, computed in parallel on every core",
    ["recluster_s"] = Round(recluster),
    ["groups"] = grouping.Groups.Count,
    ["silhouette"] = Round(grouping.Silhouette),
    ["recommend_index_build_ms"] = Round(indexMs),
    ["recommend_ms"] = Round(times[times.Count / 2]),
    ["recommend_p95_ms"] = Round(times[(int)(times.Count * 0.95)]),
    ["assign_ms"] = Round(assignTimes[assignTimes.Count / 2]),
};
report["metafeatures_s"] = report["fmnist_train"]!["metafeatures_s"]!.DeepClone();
report["read_s"] = report["fmnist_train"]!["read_s"]!.DeepClone();
report["recommend_ms"] = report["kb"]!["recommend_ms"]!.DeepClone();
report["recluster_s"] = report["kb"]!["recluster_s"]!.DeepClone();
report["metafeatures_csv_100k_s"] = report["csv_100k"]!["metafeatures_s"]!.DeepClone();
report["targets"] = new JsonObject { ["metafeatures_s"] = 10, ["recommend_ms"] = 20 };

Directory.CreateDirectory(outDir);
var json = report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
await File.WriteAllTextAsync(Path.Combine(outDir, "kb.json"), json + "\n");
Console.WriteLine(json);

JsonObject Timed(int rows, double readSeconds, Func<MetaFeatureVector> extract)
{
    var watch = Stopwatch.StartNew();
    extract();
    var first = watch.Elapsed.TotalSeconds;
    var runs = new List<double>();
    for (var r = 0; r < 3; r++)
    {
        watch.Restart();
        extract();
        runs.Add(watch.Elapsed.TotalSeconds);
    }

    runs.Sort();
    return new JsonObject
    {
        ["rows"] = rows,
        ["read_s"] = Round(readSeconds),
        ["metafeatures_first_s"] = Round(first),
        ["metafeatures_s"] = Round(runs[1]),
    };
}

static double Round(double x) => Math.Round(x, 4);

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
