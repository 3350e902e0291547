using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Schedulers;
using Transfer.Search.Trials;

namespace Transfer.Search.Testing;

/// <summary>
/// A minimal single-worker, in-memory study loop (ask, evaluate, tell), for tests and benchmarks; the server's study grain
/// does the same with storage and parallel workers.
/// </summary>
public static class StudyRunner
{
    /// <summary>Runs <paramref name="trials"/> full evaluations.</summary>
    public static TrialHistory Run(ISampler sampler, Func<IReadOnlyDictionary<string, ParameterValue>, double> objective, int trials, StudyDirection direction = StudyDirection.Minimize)
    {
        var list = new List<TrialRecord>(trials);
        var history = new TrialHistory(list, direction);
        for (var n = 0; n < trials; n++)
        {
            var config = sampler.Ask(history);
            list.Add(new TrialRecord(n, config, TrialState.Pending));
            var done = list[n] with { State = TrialState.Complete, Value = objective(config) };
            list[n] = done;
            sampler.Tell(history, done);
        }

        return history;
    }

    /// <summary>
    /// Runs trials under a scheduler until <paramref name="compute"/> steps have been trained in total; each step reports
    /// <c>curve(config, step)</c>.
    /// </summary>
    public static TrialHistory Run(ISampler sampler, IScheduler scheduler, Func<IReadOnlyDictionary<string, ParameterValue>, double, double> curve, double compute)
    {
        var list = new List<TrialRecord>();
        var history = new TrialHistory(list);
        var spent = 0.0;
        while (spent < compute)
        {
            var plan = scheduler.Next(history);
            TrialRecord trial;
            if (plan.Kind == PlanKind.NewTrial)
            {
                var config = sampler.Ask(scheduler.SamplerView(history));
                trial = new TrialRecord(list.Count, config, TrialState.Pending, Reports: [], Budget: plan.Budget, Bracket: plan.Bracket);
                list.Add(trial);
            }
            else
            {
                trial = list[plan.Trial!.Value] with { State = TrialState.Pending, Budget = plan.Budget };
                list[trial.Number] = trial;
            }

            var reports = trial.Curve.ToList();
            var step = reports.Count == 0 ? 0 : reports[^1].Step;
            var state = plan.Budget >= scheduler.MaxBudget ? TrialState.Complete : TrialState.Paused;
            while (step < plan.Budget && spent < compute)
            {
                step += 1;
                spent += 1;
                var report = new IntermediateReport(step, curve(trial.Configuration, step));
                reports.Add(report);
                list[trial.Number] = trial with { Reports = [.. reports], Value = report.Value };
                if (scheduler.Report(history, trial.Number, report) == SchedulerDecision.Stop)
                {
                    state = TrialState.Pruned;
                    break;
                }
            }

            if (state != TrialState.Pruned && step < plan.Budget)
            {
                state = TrialState.Paused;
            }

            list[trial.Number] = list[trial.Number] with { State = state };
            sampler.Tell(history, list[trial.Number]);
        }

        return history;
    }
}
