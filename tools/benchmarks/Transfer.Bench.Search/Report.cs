using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Transfer.Bench.Search;

/// <summary>Writes <c>search.json</c> (ask_ms.sampler.trials, regret.function.sampler.budget.{mean,std}) and <c>search.md</c>.</summary>
internal static class Report
{
    public static void Write(
        string outDirectory,
        Dictionary<string, Dictionary<string, double>> askMs,
        Dictionary<string, Dictionary<string, Dictionary<string, Stat>>> regret,
        int seeds,
        TimeSpan elapsed)
    {
        Directory.CreateDirectory(outDirectory);
        var document = new Dictionary<string, object>
        {
            ["ask_ms"] = askMs,
            ["regret"] = regret,
            ["ask_wall_ms"] = AskLatencyBench.WallMedians,
            ["meta"] = new Dictionary<string, object>
            {
                ["seeds"] = seeds,
                ["cores"] = Environment.ProcessorCount,
                ["load_average"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "",
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["ask_ms_clock"] = ThreadClock.Available ? "thread CPU time (CLOCK_THREAD_CPUTIME_ID); wall-clock medians in ask_wall_ms" : "wall clock",
            },
        };
        File.WriteAllText(Path.Combine(outDirectory, "search.json"), JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(outDirectory, "search.md"), Markdown(askMs, regret, seeds));
    }

    private static string Markdown(
        Dictionary<string, Dictionary<string, double>> askMs,
        Dictionary<string, Dictionary<string, Dictionary<string, Stat>>> regret,
        int seeds)
    {
        var md = new StringBuilder();
        md.AppendLine("# Search benchmark (`tools/bench search`)").AppendLine();
        md.AppendLine("## Median ask latency (ms), 6-parameter mixed space").AppendLine();
        md.AppendLine("Median of 21 asks, each after one more finished trial, on a warm sampler. `ms` is the asking thread's CPU time");
        md.AppendLine("(the machine's 2 cores are shared with other builds); `wall ms` is the wall clock of the same asks.").AppendLine();
        md.AppendLine("| sampler | finished trials | ms | wall ms | target |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (sampler, byTrials) in askMs)
        {
            foreach (var (trials, ms) in byTrials)
            {
                var target = (sampler, trials) switch { ("tpe", "1000") => "≤ 1", ("tpe", "10000") => "≤ 10", ("gp", "200") => "≤ 50", _ => "" };
                var wall = AskLatencyBench.WallMedians.GetValueOrDefault($"{sampler}.{trials}", double.NaN);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {sampler} | {trials} | {ms:F3} | {wall:F3} | {target} |");
            }
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Simple regret, mean ± std over {seeds} seeds").AppendLine();
        md.AppendLine("Best value found by the budget minus the known minimum. `multifidelity`: learning-curve simulator, budget B =");
        md.AppendLine("B full trainings of 27 epochs of compute; regret of the incumbent's final error; `tpe` trains every trial fully.").AppendLine();
        md.AppendLine("| function | sampler | 20 | 50 | 100 |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (function, bySampler) in regret)
        {
            foreach (var (sampler, byBudget) in bySampler)
            {
                var cells = string.Join(" | ", byBudget.Values.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G4} ± {s.Std:G3}")));
                md.AppendLine(CultureInfo.InvariantCulture, $"| {function} | {sampler} | {cells} |");
            }
        }

        return md.ToString();
    }
}
