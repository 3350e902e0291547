using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Transfer.Bench.Upload;
using Transfer.Client;
using Transfer.Client.Datasets;

// tools/bench upload [--mb 200] [--seed-csv <csv with a label column>] [--host-arg <arg>]...
// Starts a private Azurite and the Release host as a separate process, uploads a CSV of --mb MiB through the SDK
// (the rows of a real seed table repeated, generated while read) and measures throughput and the host's extra RSS.
var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
var outDir = Arg("--out") ?? Path.Combine(root, "bench-results");
var megabytes = double.Parse(Arg("--mb") ?? "200", CultureInfo.InvariantCulture);
var seedCsv = Arg("--seed-csv") ?? Path.Combine(root, "knowledge-base-seeds", "datasets", "breast-cancer-wisconsin", "data.csv");
var hostArgs = Args("--host-arg");
const double MiB = 1 << 20;

var totalBytes = (long)(megabytes * MiB);
var data = new SeedCsvStream(seedCsv, totalBytes);
Console.WriteLine($"csv: {data.Length / MiB:0.0} MiB, {data.Rows} rows of {Path.GetFileName(Path.GetDirectoryName(seedCsv))} ({data.Header.Split(',').Length} columns)");

await using var stack = await BenchStack.StartAsync(root, maxUploadBytes: totalBytes + (64L << 20), maxRows: data.Rows + 1, hostArgs);
var pid = stack.HostPid;
Console.WriteLine($"host: pid {pid} at {stack.Url}, rss {ProcMemory.Rss(pid) / MiB:0.0} MiB after start");
using var client = new TransferClient(new TransferClientOptions { Endpoint = stack.Url, ApiKey = stack.AdminKey, UploadTimeout = TimeSpan.FromHours(1) });

// Warm-up: the same path with a small file (JIT, connections, container creation are not measured).
for (var i = 0; i < 2; i++)
{
    var warm = await client.Datasets.UploadAsync(DatasetUpload.Csv("warm-up", new SeedCsvStream(seedCsv, 4L << 20), "label", "warm-up.csv"));
    await client.Datasets.DeleteAsync(warm.Id);
}

await Task.Delay(TimeSpan.FromSeconds(2));
var idle = ProcMemory.Rss(pid);
ProcMemory.ResetPeak(pid);
var sampler = new RssSampler(pid, TimeSpan.FromMilliseconds(50));
var clock = Stopwatch.StartNew();
var sent = new SendClock(clock, data.Length);
var info = await client.Datasets.UploadAsync(DatasetUpload.Csv("bench-upload", data, "label", "bench-upload.csv"), sent);
var seconds = clock.Elapsed.TotalSeconds;
await sampler.DisposeAsync();
var hwm = ProcMemory.Peak(pid);
var sampled = sampler.MaxBytes;

if (info.Schema.Examples != data.Rows || info.SizeBytes != data.Length)
{
    throw new InvalidOperationException($"The server stored {info.Schema.Examples} rows / {info.SizeBytes} bytes; sent {data.Rows} / {data.Length}.");
}

var report = new
{
    upload_mb = Math.Round(data.Length / MiB, 2),
    rows = data.Rows,
    columns = data.Header.Split(',').Length,
    source = $"knowledge-base-seeds/{Path.GetRelativePath(Path.Combine(root, "knowledge-base-seeds"), seedCsv)} rows repeated",
    seconds = Math.Round(seconds, 2),
    mb_per_s = Math.Round(data.Length / MiB / seconds, 1),
    send_seconds = sent.SentSeconds is { } s ? Math.Round(s, 2) : (double?)null,
    validate_seconds = sent.SentSeconds is { } v ? Math.Round(seconds - v, 2) : (double?)null,
    cpus = Environment.ProcessorCount,
    load_average_1m = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture),
    idle_rss_mb = Math.Round(idle / MiB, 1),
    peak_rss_mb = Math.Round(hwm / MiB, 1),
    server_peak_extra_mb = Math.Round((hwm - idle) / MiB, 1),
    sampled_peak_rss_mb = Math.Round(sampled / MiB, 1),
    sampled_peak_extra_mb = Math.Round((sampled - idle) / MiB, 1),
    rss_samples = sampler.Samples,
    target_server_peak_extra_mb = 100,
    host_args = hostArgs,
    note = "MB = MiB (2^20 bytes). Host: Release build, separate process, private in-memory Azurite. seconds = wall time of TransferClient.Datasets.UploadAsync: send_seconds until the SDK sent the last byte (server streams into blob storage meanwhile), validate_seconds after (server reads the blob back through the CSV validator, commits the grain). peak from VmHWM after clear_refs; sampled = VmRSS every 50 ms.",
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
Console.WriteLine(json);
Directory.CreateDirectory(outDir);
await File.WriteAllTextAsync(Path.Combine(outDir, "upload.json"), json + "\n");
return report.server_peak_extra_mb < 100 ? 0 : 3;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

string[] Args(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToArray();
