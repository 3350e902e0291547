using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Transfer;
using Transfer.Bench.Upload;
using Transfer.Client;
using Transfer.Client.Datasets;
using Transfer.Contracts.Jobs;

// tools/bench transfer [--seeds 3] [--first-seed 1] [--trials 20] [--epochs 3] [--task fmnist-shoes-bags] [--slots 2] [--fmnist /usr/share/datasets/fashion-mnist]
// A Fashion-MNIST task whose classes (Sneaker, Bag, Ankle boot) the benchmark model cnn-fmnist-clothing6 never saw, through
// the real system: Azurite + the Release host as a child process, the knowledge base seeded without the task, the task
// uploaded and trained by jobs via the SDK. Per seed: (c) a 20-trial job warm-started from the knowledge base, (d) the same
// job without the warm start; (a) and (b) are (c)'s from-scratch reference and baseline trials. Accuracy = each arm's model
// on an evaluation set of 2,100 t10k images the task leaves out (EvaluationSet); the jobs' own test splits are reported too.
var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var outDir = Arg("--out") ?? Path.Combine(root, "bench-results");
// --first-seed: seeds that played no part in choosing a setting (seeds 1-3 are the committed run's), written to
// transfer-seeds-<first>-<last>.json so that transfer.json stays the run from seed 1.
var firstSeed = int.Parse(Arg("--first-seed") ?? "1", CultureInfo.InvariantCulture);
var seeds = Enumerable.Range(firstSeed, int.Parse(Arg("--seeds") ?? "3", CultureInfo.InvariantCulture)).ToArray();
var trials = int.Parse(Arg("--trials") ?? "20", CultureInfo.InvariantCulture);
var epochs = int.Parse(Arg("--epochs") ?? "3", CultureInfo.InvariantCulture);
var task = Arg("--task") ?? "fmnist-shoes-bags";
var slots = Arg("--slots") ?? "2";
var clock = Stopwatch.StartNew();

// The evaluation set first: without the Debian package the bench would otherwise fail only after ten minutes of jobs.
var fmnist = Arg("--fmnist") ?? "/usr/share/datasets/fashion-mnist";
if (!File.Exists(Path.Combine(fmnist, "t10k-images-idx3-ubyte.gz")))
{
    Console.Error.WriteLine($"no Fashion-MNIST t10k files in {fmnist}: apt-get install dataset-fashion-mnist, or pass --fmnist <dir>");
    return 2;
}

var evaluation = await EvaluationSet.CreateAsync(fmnist, TaskClasses(task), 300, Path.Combine(Path.GetTempPath(), $"transfer-bench-eval-{Environment.ProcessId}"));

await using var stack = await BenchStack.StartAsync(root, 256L << 20, 1_000_000, ["--Transfer:Jobs:WorkerSlots", slots]);
using var client = new TransferClient(new TransferClientOptions { Endpoint = stack.Url, ApiKey = stack.AdminKey });
Console.WriteLine($"host at {stack.Url} ({clock.Elapsed.TotalSeconds:0} s)");

var seedsFolder = Path.Combine(root, "knowledge-base-seeds");
var seeded = await KnowledgeSetup.SeedWithoutAsync(client, seedsFolder, task);
var dataset = await client.Datasets.UploadFilesAsync(DatasetFileSet.FromPath(Path.Combine(seedsFolder, "datasets", task)), task + "-task", null);
var ids = new List<string>();
await foreach (var d in client.Datasets.ListAsync())
{
    if (d.Id != dataset.Id)
    {
        ids.Add(d.Id);
    }
}

ids.Add(dataset.Id);
var (group, groups) = await KnowledgeSetup.WaitForGroupsAsync(client, ids, TimeSpan.FromMinutes(10));
var benchmark = groups.Groups.FirstOrDefault(g => g.Id == group?.GroupId)?.BenchmarkModelId;
var publishedForGroup = false;
if (benchmark is null && group is { IsUnknown: false })
{
    // The task's group holds none of the model's anchors: publish the same weights for that group, as an admin would.
    var folder = Path.Combine(seedsFolder, "benchmark-models", "cnn-fmnist-clothing6");
    var manifest = JsonSerializer.Deserialize<Transfer.Client.Knowledge.SeedModelManifest>(
        await File.ReadAllTextAsync(Path.Combine(folder, "model.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    await using var weights = File.OpenRead(Path.Combine(folder, manifest.Weights));
    benchmark = (await client.Knowledge.PublishBenchmarkModelAsync(manifest.Id + "-for-task-group", manifest.Spec, weights, group: group.GroupId)).Id;
    publishedForGroup = true;
}

// Publishing a model changes the meta-feature set (its embedding slot): the knowledge base re-extracts every dataset's
// features in the background. The jobs start once that is done and the task has recommendations (the steady state a
// user meets; the first run of this bench started its jobs mid-way and none got a warm start).
await KnowledgeSetup.WaitForCurrentVersionAsync(client, ids, TimeSpan.FromMinutes(10));
var advice = await KnowledgeSetup.WaitForRecommendationsAsync(client, dataset.Id, 3, TimeSpan.FromMinutes(10));
Console.WriteLine($"kb: {seeded.DatasetsUploaded.Count} datasets, {seeded.ModelsPublished.Count} models, {seeded.HistoriesImported.Count} histories; task {dataset.Id} in group {group?.GroupId} (benchmark {benchmark ?? "none"}) ({clock.Elapsed.TotalSeconds:0} s)");

// The warm-started jobs all start before any finishes: a finished job writes its trials to the knowledge base, and a
// later seed must not warm-start from an earlier seed's run on the very same task.
var warm = await RunAsync(useKnowledgeBase: true);
var cold = await RunAsync(useKnowledgeBase: false);

// Two measures of every arm's model: the job's own test split (180 images, different at every seed) and the larger
// evaluation set (2,100 other t10k images of the task's classes, the same at every seed), through the predict routes.
var classes = dataset.Schema.Classes.Select(c => c.Name).ToArray();
async Task<double> EvaluateAsync(JobRun run, Func<TrialInfo, bool>? trial)
{
    var result = trial is null
        ? await client.Models.PredictAsync(run.Job.ModelId!, evaluation.Folder)
        : await client.Models.PredictWithTrialAsync(run.Job.Id, run.Trials.Single(trial).Number, evaluation.Folder);
    return evaluation.Accuracy([.. result.Predictions.Select(p => p.Class)], classes);
}

var scratch = new Arm([.. await Task.WhenAll(warm.Select(r => EvaluateAsync(r, t => t.IsScratch)))]);
var finetune = new Arm([.. await Task.WhenAll(warm.Select(r => EvaluateAsync(r, t => t.IsBaseline)))]);
var automl = new Arm([.. await Task.WhenAll(warm.Select(r => EvaluateAsync(r, null)))]);
var automlCold = new Arm([.. await Task.WhenAll(cold.Select(r => EvaluateAsync(r, null)))]);

// --ensemble-ablation: the warm jobs' registered ensembles rebuilt with other settings, from the same trials (EnsembleAblation).
var ablation = args.Contains("--ensemble-ablation") ? await AblationAsync() : null;

// The searches' best trials alone, as the registered model was before jobs ensembled their trials: the same run, so the
// ensemble's gain is measured against it directly.
var bestWarm = new Arm([.. await Task.WhenAll(warm.Select(r => EvaluateAsync(r, t => t.Number == r.Job.BestTrial)))]);
var bestCold = new Arm([.. await Task.WhenAll(cold.Select(r => EvaluateAsync(r, t => t.Number == r.Job.BestTrial)))]);
var split = new
{
    scratch = new Arm([.. warm.Select(r => r.Trials.Single(t => t.IsScratch).TestScore ?? double.NaN)]),
    finetune_default = new Arm([.. warm.Select(r => r.Trials.Single(t => t.IsBaseline).TestScore ?? double.NaN)]),
    automl_finetune = new Arm([.. warm.Select(r => r.Job.TestScore ?? double.NaN)]),
    automl_cold = new Arm([.. cold.Select(r => r.Job.TestScore ?? double.NaN)]),
};
var targets = warm.Select(r => 0.99 * (r.Job.BestScore ?? 1)).ToArray();
int[] warmTo = [.. warm.Select((r, i) => Arm.TrialsTo(r.Trials, targets[i], trials + 1))];
int[] coldTo = [.. cold.Select((r, i) => Arm.TrialsTo(r.Trials, targets[i], trials + 1))];
var arms = new[] { scratch, finetune, automl, automlCold };
Arm[] splitArms = [split.scratch, split.finetune_default, split.automl_finetune, split.automl_cold];
var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null;

var report = new
{
    task = new { dataset = task, classes = dataset.Schema.Classes.Select(c => c.Name), examples = dataset.Schema.Examples, group = group?.GroupId, benchmark_model = benchmark, benchmark_published_for_task_group = publishedForGroup, benchmark_classes_seen = new[] { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Shirt" } },
    seeds,
    trials,
    max_epochs = epochs,
    accuracy = $"accuracy on the evaluation set: the {evaluation.Labels.Length} Fashion-MNIST t10k images of the task's classes that the task leaves out (the same images at every seed; no job sees them), predicted by each arm's model through the API",
    evaluation_examples = evaluation.Labels.Length,
    validation = $"{warm[0].Job.Report?.Folds ?? 1}-fold stratified cross-validation on the non-test data (the job default for < 2,000 examples)",
    scratch = scratch.Json(),
    finetune_default = finetune.Json(),
    automl_finetune = automl.Json(),
    automl_cold = automlCold.Json(),
    models = "(c) and (d) are the jobs' registered models: by default an ensemble of their completed trials (greedy ensemble selection on out-of-fold predictions, 20 rounds, bagged over 100 bootstrap resamples of them, trials under 2 % of the picks dropped); best_trial_models scores the best trial's model alone",
    best_trial_models = new
    {
        automl_finetune = bestWarm.Json(),
        automl_cold = bestCold.Json(),
    },
    test_split = new
    {
        measure = "held-out test accuracy on the job's own test split (20 %, stratified, 180 images, drawn by the seed; no trial trains or is scored on it)",
        scratch = split.scratch.Json(),
        finetune_default = split.finetune_default.Json(),
        automl_finetune = split.automl_finetune.Json(),
        automl_cold = split.automl_cold.Json(),
        targets = new
        {
            automl_finetune_best_mean = splitArms.All(a => a == split.automl_finetune || split.automl_finetune.Mean > a.Mean),
            automl_finetune_smallest_std = splitArms.All(a => a == split.automl_finetune || split.automl_finetune.Std < a.Std),
        },
    },
    trials_to_99 = new
    {
        automl_finetune = Math.Round(warmTo.Average(), 2),
        automl_cold = Math.Round(coldTo.Average(), 2),
        per_seed = new { automl_finetune = warmTo, automl_cold = coldTo },
        measure = $"mean over seeds of the trial count (trial order, the scratch reference counted as spent) at which the best-so-far k-fold validation score of fully trained trials first reaches 99 % of (c)'s final best validation score at the same seed; {trials + 1} = never",
    },
    targets = new
    {
        automl_finetune_best_mean = arms.All(a => a == automl || automl.Mean > a.Mean),
        automl_finetune_smallest_std = arms.All(a => a == automl || automl.Std < a.Std),
        trials_to_99_at_most_a_third = warmTo.Average() * 3 <= coldTo.Average(),
    },
    spread_check = seeds.Length > 3 ? SpreadJson() : null,
    ensemble_ablation = ablation,
    recommendations = new { items = advice.Items.Count, neighbours = advice.Neighbours.Select(n => n.DatasetId), best_expected = advice.Items.Select(i => Math.Round(i.ExpectedScore, 4)).FirstOrDefault() },
    jobs = warm.Concat(cold).Select(r => new
    {
        id = r.Job.Id,
        seed = r.Job.Request.Seed,
        warm_start = r.Job.Request.UseKnowledgeBase,
        status = r.Job.Status.ToString(),
        best_trial = r.Job.BestTrial,
        validation = r.Job.BestScore,
        test = r.Job.TestScore,
        evaluation = (r.Job.Request.UseKnowledgeBase ? automl : automlCold).Values[Array.IndexOf(seeds, r.Job.Request.Seed)],
        best_trial_evaluation = (r.Job.Request.UseKnowledgeBase ? bestWarm : bestCold).Values[Array.IndexOf(seeds, r.Job.Request.Seed)],
        ensemble = r.Job.Report?.Ensemble is { } e ? new { members = e.Members.Select(m => $"{m.Trial}:{m.Weight:0.##}"), validation = e.Score, test = e.TestScore, candidates = e.Candidates } : null,
        trials = r.Trials.Count,
        warm_start_trials = r.Trials.Count(t => t.IsWarmStart),
        seconds = Math.Round(r.Seconds, 1),
        trial_list = r.Trials.OrderBy(t => t.Number).Select(TrialLine),
    }),
    seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
    load_average = load,
};
Directory.CreateDirectory(outDir);
var path = Path.Combine(outDir, firstSeed == 1 ? "transfer.json" : $"transfer-seeds-{seeds[0]}-{seeds[^1]}.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine(await File.ReadAllTextAsync(path));
return 0;

// With more than 3 seeds: each arm's std with its 95 % interval, and the share of this run's 3-seed subsets in which each
// arm has the smallest std (how often a 3-seed run would call it the most stable).
object SpreadJson()
{
    var shares = SpreadCheck.SmallestStdShares(arms);
    string[] names = ["scratch", "finetune_default", "automl_finetune", "automl_cold"];
    return new
    {
        measure = "std_95 = 95 % confidence interval of each arm's std over these seeds (chi-squared); smallest_std_share_of_3_seed_subsets = for each arm, the share of the C(n,3) subsets of these seeds in which its std is the smallest of the four",
        std_95 = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => SpreadCheck.StdInterval(arms[p.i].Values) is var (lo, hi) ? new[] { Math.Round(lo, 4), Math.Round(hi, 4) } : null),
        smallest_std_share_of_3_seed_subsets = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => Math.Round(shares[p.i], 3)),
    };
}

async Task<object> AblationAsync()
{
    var checkpoints = new Azure.Storage.Blobs.BlobServiceClient(stack.StorageConnectionString).GetBlobContainerClient("checkpoints");
    var predictions = await EnsembleAblation.ListPredictionsAsync(checkpoints);
    var jobs = new List<EnsembleAblation.Candidates>();
    foreach (var run in warm)
    {
        jobs.Add(await EnsembleAblation.LoadAsync(client, checkpoints, predictions, run, evaluation, classes));
        Console.WriteLine($"ablation: job {run.Job.Id} (seed {run.Job.Request.Seed}), {jobs[^1].Trials.Length} candidates ({clock.Elapsed.TotalSeconds:0} s)");
    }

    // --ablation-dump <file>: the loaded candidates as JSON, for trying other settings offline.
    if (Arg("--ablation-dump") is { } dump)
    {
        await File.WriteAllTextAsync(dump, JsonSerializer.Serialize(new { labels = evaluation.Labels, jobs }));
    }

    var variants = EnsembleAblation.Variants.Select(v => (Variant: v, Arm: new Arm([.. jobs.Select(j => EnsembleAblation.Accuracy(j, v, evaluation.Labels))]))).ToArray();
    return new
    {
        measure = "accuracy on the evaluation set of the warm jobs' models built from the same trials with other ensemble settings; first_3 = the run's first three seeds (a 3-seed run's, from seed 1), rest = the other seeds; smaller_std_than_finetune_default_share = share of the 3-seed subsets in which the variant's std is below the default fine-tune's",
        default_reproduces_registered_models = EnsembleAblation.Reproduces(variants[0].Arm.Values, automl.Values),
        candidates = jobs.Select(j => j.Trials.Length),
        variants = variants.Select(p => new
        {
            name = p.Variant.Name,
            all = p.Arm.Json(),
            first_3 = seeds.Length > 3 ? new Arm([.. p.Arm.Values.Take(3)]).Json() : null,
            rest = seeds.Length > 4 ? new Arm([.. p.Arm.Values.Skip(3)]).Json() : null,
            smaller_std_than_finetune_default_share = seeds.Length > 3 ? Math.Round(SpreadCheck.SmallestStdShares([p.Arm, finetune])[0], 3) : (double?)null,
        }),
    };
}

async Task<JobRun[]> RunAsync(bool useKnowledgeBase)
{
    var started = Stopwatch.StartNew();
    var handles = new List<Transfer.Client.Jobs.JobHandle>();
    foreach (var seed in seeds)
    {
        handles.Add(await client.Jobs.StartAsync(new CreateJobRequest(
            dataset.Id, Budget: new JobBudget(trials), MaxEpochs: epochs, Seed: seed, UseKnowledgeBase: useKnowledgeBase, ScratchReference: true)));
    }

    var runs = await Task.WhenAll(handles.Select(async h =>
    {
        var job = await h.WaitForCompletionAsync();
        var list = await h.GetTrialsAsync();
        Console.WriteLine($"job {job.Id} (seed {job.Request.Seed}, warm start {useKnowledgeBase}): {job.Status}, best trial {job.BestTrial} validation {job.BestScore:0.####} test {job.TestScore:0.####} ({started.Elapsed.TotalSeconds:0} s)");
        return new JobRun(job, list, started.Elapsed.TotalSeconds);
    }));
    return runs;
}

// "n kind status validation test configuration": kind is baseline, scratch, kb (a warm-start configuration) or search;
// the configuration as name=value pairs in name order.
static string TrialLine(TrialInfo t) => string.Create(
    CultureInfo.InvariantCulture,
    $"{t.Number} {(t.IsBaseline ? "baseline" : t.IsScratch ? "scratch" : t.IsWarmStart ? "kb" : "search")} {t.Status} {t.Score:0.####} {t.TestScore:0.####} {string.Join(",", t.Configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Short(p.Value)}"))}");

// Numbers to 4 significant digits; a head as its layer notation joined by '+'.
static string Short(Transfer.Contracts.Search.ParameterValue value) =>
    value.Number is { } n ? n.ToString("G4", CultureInfo.InvariantCulture) : value.Layers is not null ? string.Join("+", value.ToNotation()) : value.ToString();

// The Fashion-MNIST classes of a seed task (tools/extract-seeds.py's FMNIST_SUBSETS, the t10k ones).
static int[] TaskClasses(string task) => task switch
{
    "fmnist-shoes-bags" => [7, 8, 9],
    "fmnist-tops-b" => [2, 3, 4],
    "fmnist-sandal-bag" => [5, 8],
    _ => throw new ArgumentException($"no evaluation set for '{task}': use a t10k seed task (fmnist-shoes-bags, fmnist-tops-b, fmnist-sandal-bag)"),
};

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
