using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>Geometric rung budgets and the BOHB-style sampler view shared by Hyperband and ASHA.</summary>
internal static class Rungs
{
    /// <summary>Budgets min, min*eta, ... up to and including max.</summary>
    public static double[] Budgets(double minBudget, double maxBudget, double eta)
    {
        var budgets = new List<double>();
        for (var b = minBudget; b < maxBudget * (1 - 1e-9); b *= eta)
        {
            budgets.Add(b);
        }

        budgets.Add(maxBudget);
        return [.. budgets];
    }

    /// <summary>
    /// Values every trial at the largest rung budget that at least <paramref name="minObservations"/> trials reached (the
    /// smallest rung otherwise). A trial pruned below that budget stays Pruned with its last value (a sampler that models
    /// pruned trials, as TPE does, ranks it behind every complete one: once the model moves up to a higher rung, the
    /// configurations cut at the first one still count against their region); other trials that did not reach it are
    /// shown as Paused so samplers ignore them.
    /// </summary>
    public static TrialHistory View(TrialHistory history, double[] budgets, int minObservations)
    {
        var chosen = budgets[0];
        foreach (var b in budgets)
        {
            if (history.Trials.Count(t => Reached(t, b)) >= minObservations)
            {
                chosen = b;
            }
        }

        var mapped = history.Trials.Select(t => t.State == TrialState.Pending
            ? t
            : Reached(t, chosen) ? t with { State = TrialState.Complete, Value = t.ValueAt(chosen) }
            : t.State == TrialState.Pruned ? t
            : t with { State = TrialState.Paused }).ToList();
        return history with { Trials = mapped };
    }

    public static bool Reached(TrialRecord trial, double budget) =>
        trial.State != TrialState.Failed && trial.Curve.Count > 0 && trial.Curve[^1].Step >= budget * (1 - 1e-9) && trial.ValueAt(budget * (1 + 1e-9)) is not null;
}
