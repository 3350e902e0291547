using System.Diagnostics;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Bench.Search;

/// <summary>
/// Median ask latency on a 6-parameter mixed space (log float, float, int, categorical of 3, conditional int, float)
/// with N finished trials: the sampler first sees the N-trial history (building its caches), then 21 asks are timed,
/// one more finished trial being added before each, as in a running study.
/// </summary>
internal static class AskLatencyBench
{
    private const int Timed = 21;

    /// <summary>Wall-clock medians beside the CPU-time medians (sampler.trials to ms).</summary>
    public static Dictionary<string, double> WallMedians { get; } = [];

    public static SearchSpace MixedSpace { get; } = SearchSpace.Create(new SearchSpaceDefinition([
        new ParameterDefinition("lr", ParameterKind.Float, 1e-5, 1, Log: true),
        new ParameterDefinition("momentum", ParameterKind.Float, 0, 1),
        new ParameterDefinition("units", ParameterKind.Int, 8, 512),
        new ParameterDefinition("policy", ParameterKind.Categorical, Choices: ["fixed", "step", "cosine"]),
        new ParameterDefinition("stepsize", ParameterKind.Int, 1, 50, Condition: new ParameterCondition("policy", ["step"])),
        new ParameterDefinition("dropout", ParameterKind.Float, 0, 0.9),
    ]));

    public static Dictionary<string, Dictionary<string, double>> Run()
    {
        var result = new Dictionary<string, Dictionary<string, double>>
        {
            ["random"] = new() { ["1000"] = Measure(s => new RandomSampler(s, 1), 1000) },
            ["tpe"] = [],
            ["gp"] = [],
        };
        foreach (var n in new[] { 100, 1000, 10000 })
        {
            result["tpe"][n.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Measure(s => new TpeSampler(s, 1), n);
        }

        foreach (var n in new[] { 50, 200, 500 })
        {
            result["gp"][n.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Measure(s => new GpSampler(s, 1), n);
        }

        return result;
    }

    private static double Measure(Func<SearchSpace, ISampler> create, int finished)
    {
        var random = new Random(42);
        var trials = new List<TrialRecord>(finished + Timed);
        for (var i = 0; i < finished; i++)
        {
            trials.Add(Finished(i, MixedSpace.Decode(MixedSpace.SampleUniform(random))));
        }

        var history = new TrialHistory(trials);
        var sampler = create(MixedSpace);
        sampler.Ask(history);
        var times = new List<double>(Timed);
        var walls = new List<double>(Timed);
        for (var k = 0; k < Timed; k++)
        {
            var cpu = ThreadClock.Milliseconds;
            var watch = Stopwatch.StartNew();
            var config = sampler.Ask(history);
            walls.Add(watch.Elapsed.TotalMilliseconds);
            times.Add(ThreadClock.Available ? ThreadClock.Milliseconds - cpu : watch.Elapsed.TotalMilliseconds);
            trials.Add(Finished(trials.Count, config));
        }

        times.Sort();
        walls.Sort();
        var median = times[Timed / 2];
        Console.WriteLine($"ask {sampler.Name} at {finished}: median {median:F3} ms cpu (min {times[0]:F3}, max {times[^1]:F3}); wall median {walls[Timed / 2]:F3} ms");
        WallMedians[$"{sampler.Name}.{finished}"] = Math.Round(walls[Timed / 2], 4);
        return Math.Round(median, 4);
    }

    private static TrialRecord Finished(int number, IReadOnlyDictionary<string, ParameterValue> config)
    {
        var lr = Math.Log10(config["lr"].Number!.Value);
        var value = Math.Pow(lr + 2.5, 2) + Math.Pow(config["momentum"].Number!.Value - 0.9, 2) + Math.Abs(config["units"].Number!.Value - 128) / 512
            + (config["policy"].Choice == "step" ? 0.1 * Math.Abs(config["stepsize"].Number!.Value - 20) / 20 : 0.2) + config["dropout"].Number!.Value * 0.3;
        return new TrialRecord(number, config, TrialState.Complete, value);
    }
}
