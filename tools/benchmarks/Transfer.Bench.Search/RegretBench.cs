using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Gp;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Schedulers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;
using Transfer.Search.Trials;

namespace Transfer.Bench.Search;

/// <summary>
/// Simple regret (best value found minus the known minimum) over seeds at budgets 20/50/100. One 100-trial run per
/// seed gives all three budgets (regret at a budget is the best so far at that point). Multi-fidelity: Hyperband+TPE vs
/// plain TPE at equal compute (budget B = B full trainings of 27 epochs); the incumbent is judged by its final error.
/// </summary>
internal static class RegretBench
{
    private static readonly int[] _budgets = [20, 50, 100];

    public static Dictionary<string, Dictionary<string, Dictionary<string, Stat>>> Run(int seeds)
    {
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, Stat>>>();
        foreach (var function in new[] { BenchmarkFunctions.Branin, BenchmarkFunctions.Hartmann6, BenchmarkFunctions.Rosenbrock(10) })
        {
            var space = SearchSpace.Create(function.Space);
            result[function.Name] = new()
            {
                ["random"] = Simple(function, seeds, s => new RandomSampler(space, s)),
                ["tpe"] = Simple(function, seeds, s => new TpeSampler(space, s)),
                ["gp"] = Simple(function, seeds, s => new GpSampler(space, s)),
            };
        }

        var mfSpace = SearchSpace.Create(LearningCurveSimulator.Space);
        result["multifidelity"] = new()
        {
            ["tpe"] = MultiFidelity(seeds, s => new TpeSampler(mfSpace, s), () => new FifoScheduler(LearningCurveSimulator.MaxBudget)),
            ["hyperband_tpe"] = MultiFidelity(seeds, s => new TpeSampler(mfSpace, s), () => new HyperbandScheduler(1, LearningCurveSimulator.MaxBudget, 3)),
        };
        return result;
    }

    private static Dictionary<string, Stat> Simple(BenchmarkFunction function, int seeds, Func<int, ISampler> create)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var runs = new double[seeds][];
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var history = StudyRunner.Run(create(seed), function.Evaluate, _budgets[^1]);
            runs[seed] = [.. _budgets.Select(b => history.Trials.Take(b).Min(t => t.Value!.Value) - function.Minimum)];
        });
        var stats = Stats(runs);
        Console.WriteLine($"regret {function.Name} {create(0).Name}: {Describe(stats)} ({started.Elapsed.TotalSeconds:F1} s)");
        return stats;
    }

    private static Dictionary<string, Stat> MultiFidelity(int seeds, Func<int, ISampler> create, Func<IScheduler> scheduler)
    {
        var runs = new double[seeds][];
        var name = "";
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            runs[seed] = [.. _budgets.Select(b =>
            {
                var s = scheduler();
                name = s.Name;
                var history = StudyRunner.Run(create(seed), s, LearningCurveSimulator.At, b * LearningCurveSimulator.MaxBudget);
                return LearningCurveSimulator.Final(Incumbent(history).Configuration) - LearningCurveSimulator.Minimum;
            })];
        });
        var stats = Stats(runs);
        Console.WriteLine($"regret multifidelity {name}+tpe: {Describe(stats)}");
        return stats;
    }

    /// <summary>The best trial among those trained furthest (the full budget once any trial reached it).</summary>
    private static TrialRecord Incumbent(TrialHistory history)
    {
        var withCurve = history.Trials.Where(t => t.Curve.Count > 0).ToList();
        var furthest = withCurve.Max(t => t.Curve[^1].Step);
        return withCurve.Where(t => t.Curve[^1].Step >= furthest).MinBy(t => t.Curve[^1].Value)!;
    }

    private static Dictionary<string, Stat> Stats(double[][] runs) =>
        _budgets.Select((b, i) => (b, values: runs.Select(r => r[i]).ToArray()))
            .ToDictionary(x => x.b.ToString(System.Globalization.CultureInfo.InvariantCulture), x => Stat.Of(x.values));

    private static string Describe(Dictionary<string, Stat> stats) =>
        string.Join("  ", stats.Select(kv => $"{kv.Key}: {kv.Value.Mean:G4}±{kv.Value.Std:G3}"));
}
