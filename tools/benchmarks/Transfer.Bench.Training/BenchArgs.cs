using System.Globalization;

namespace Transfer.Bench.Training;

/// <summary>Command line: <c>--out DIR</c> (from tools/bench), <c>--epochs N</c>, <c>--threads N</c>, <c>--data DIR</c>.</summary>
internal sealed record BenchArgs(string Out, int Epochs, int Threads, string Data)
{
    public static BenchArgs Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var root = Environment.GetEnvironmentVariable("TRANSFER_REPO_ROOT") ?? Directory.GetCurrentDirectory();
        return new BenchArgs(
            Get("--out", Path.Combine(root, "bench-results")),
            int.Parse(Get("--epochs", "10"), CultureInfo.InvariantCulture),
            int.Parse(Get("--threads", "1"), CultureInfo.InvariantCulture),
            Get("--data", "/usr/share/datasets/fashion-mnist"));
    }
}
