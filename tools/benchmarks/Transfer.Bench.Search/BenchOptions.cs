namespace Transfer.Bench.Search;

/// <summary>Command line: <c>--out DIR</c> (required), <c>--seeds N</c> (default 20), <c>--only ask|regret</c>.</summary>
internal sealed record BenchOptions(string OutDirectory, int Seeds, IReadOnlyList<string> Parts)
{
    public static BenchOptions Parse(string[] args)
    {
        string? outDir = null;
        var seeds = 20;
        IReadOnlyList<string> parts = ["ask", "regret"];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    outDir = args[++i];
                    break;
                case "--seeds":
                    seeds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    parts = [args[++i]];
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        return new BenchOptions(outDir ?? throw new ArgumentException("--out DIR is required"), seeds, parts);
    }
}
