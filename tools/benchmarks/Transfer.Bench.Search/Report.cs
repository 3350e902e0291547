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
            ["meta"] = new Dictionary<string, object>
            {
                ["seeds"] = seeds,
                ["cores"] = Environment.ProcessorCount,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
        md.AppendLine("| sampler | finished trials | median ms | target |").AppendLine("| --- | --- | --- | --- |");
        foreach (var (sampler, byTrials) in askMs)
        {
            foreach (var (trials, ms) in byTrials)
            {
                var target = (sampler, trials) switch { ("tpe", "1000") => "≤ 1", ("tpe", "10000") => "≤ 10", ("gp", "200") => "≤ 50", _ => "" };
                md.AppendLine(CultureInfo.InvariantCulture, $"| {sampler} | {trials} | {ms:F3} | {target} |");
            }
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Simple regret, mean ± std over {seeds} seeds").AppendLine();
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
