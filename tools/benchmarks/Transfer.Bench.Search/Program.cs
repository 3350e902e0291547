using Transfer.Bench.Search;

var options = BenchOptions.Parse(args);

// Small matrices (n ≤ 500): MathNet's internal Parallel.For only adds scheduling cost, and the seeds already run in parallel.
MathNet.Numerics.Control.UseSingleThread();
var started = System.Diagnostics.Stopwatch.StartNew();
Console.WriteLine($"search bench: out={options.OutDirectory} seeds={options.Seeds} parts={string.Join(",", options.Parts)}");
var askMs = options.Parts.Contains("ask") ? AskLatencyBench.Run() : [];
var regret = options.Parts.Contains("regret") ? RegretBench.Run(options.Seeds) : [];
Report.Write(options.OutDirectory, askMs, regret, options.Seeds, started.Elapsed);
Console.WriteLine($"done in {started.Elapsed.TotalSeconds:F0} s");
