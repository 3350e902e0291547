using Transfer.Contracts.Curves;
using Transfer.CurveRecorder;
using Transfer.Curves;
using Transfer.Training;

// Records real learning curves with the trainer on the seed datasets (see tests/Transfer.Curves.Tests/curves/README.md).
// Usage: dotnet run -c Release --project tools/curve-recorder/Transfer.CurveRecorder -- [--seeds knowledge-base-seeds] [--out tests/Transfer.Curves.Tests/curves/real] [--only id-substring]
var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var seeds = Arg("--seeds") ?? Path.Combine(root, "knowledge-base-seeds");
var outDir = Arg("--out") ?? Path.Combine(root, "tests", "Transfer.Curves.Tests", "curves", "real");
var only = Arg("--only");
if (Arg("--explain") is { } explain)
{
    // --explain <curve file or folder>: what the judge says about recorded curves, with its evidence.
    var files = Directory.Exists(explain) ? await CurveFiles.ReadFolderAsync(explain) : [await CurveFiles.ReadAsync(explain)];
    foreach (var file in files)
    {
        var judgement = new CurveJudge().Judge(file.ToLearningCurve());
        var mark = file.Label == judgement.State ? "ok  " : "MISS";
        Console.WriteLine($"{mark} {file.Id}: label {file.Label}, judged {judgement.State} ({judgement.Confidence})");
        Console.WriteLine("     " + string.Join(", ", judgement.Evidence.Select(e => $"{e.Key}={e.Value:0.####}")));
    }

    return;
}

TorchRuntime.Configure(new TorchOptions(1, "cpu"));
Directory.CreateDirectory(outDir);

var duplicate = RecordingPlan.All.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
if (duplicate is not null)
{
    throw new InvalidOperationException($"two recordings share the id {duplicate.Key}");
}

var cache = new Dictionary<string, object>(StringComparer.Ordinal);
var relabelled = 0;
var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
foreach (var run in RecordingPlan.All.Where(r => only is null || r.Id.Contains(only, StringComparison.Ordinal)))
{
    if (!cache.TryGetValue(run.Dataset, out var decoded))
    {
        decoded = await SeedData.ReadAsync(Path.Combine(seeds, "datasets", run.Dataset));
        cache[run.Dataset] = decoded;
    }

    var clock = System.Diagnostics.Stopwatch.StartNew();
    var recording = await RunRecorder.RecordAsync(run, decoded);
    IReadOnlyList<CurvePoint> written = recording.Points;
    IReadOnlyList<CurvePoint>? continuation = null;
    var maxIteration = recording.MaxIteration;
    if (run.Cut is { } cut)
    {
        var cutAt = cut * recording.MaxIteration;
        written = [.. recording.Points.Where(p => p.Iteration <= cutAt)];
        continuation = [.. recording.Points.Where(p => p.Iteration > cutAt)];
    }

    var (state, reason) = RegimeCheck.Classify(written, continuation, recording.ReferenceLoss);
    var name = RecordingRun.RegimeName(state);
    var note = state == run.Regime ? "as planned" : $"RELABELLED {RecordingRun.RegimeName(run.Regime)} -> {name}";
    relabelled += state == run.Regime ? 0 : 1;
    counts[name] = counts.GetValueOrDefault(name) + 1;
    var config = new SortedDictionary<string, string>(recording.Config.ToDictionary(), StringComparer.Ordinal) { ["check"] = reason };
    if (run.Cut is { } c)
    {
        config["cut_share"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    var curve = new RecordedCurve
    {
        Id = run.Id,
        Label = state,
        Source = "trainer",
        MaxIteration = maxIteration,
        ReferenceLoss = Math.Round(recording.ReferenceLoss, 6),
        Config = config,
        Points = written,
    };
    await CurveFiles.WriteAsync(Path.Combine(outDir, run.Id + ".json"), curve);
    var judged = new CurveJudge().Judge(curve.ToLearningCurve()).State;
    Console.WriteLine($"{run.Id}: {written.Count} points, {name} ({note}: {reason}); judge says {RecordingRun.RegimeName(judged)}; {clock.Elapsed.TotalSeconds:0.0} s");
}

Console.WriteLine($"recorded {counts.Values.Sum()} curves ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}), {relabelled} relabelled by the check");

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
