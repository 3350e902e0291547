using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>
/// Median stopping rule (Golovin et al. 2017, as optuna's MedianPruner): after <c>gracePeriod</c> steps, stop a trial whose
/// best value so far is worse than the median of the other trials' values at the same step (needs <c>minTrials</c> of them).
/// </summary>
public sealed class MedianStoppingScheduler(double maxBudget, double gracePeriod = 1, int minTrials = 3) : IScheduler
{
    public string Name => "median";

    public double MaxBudget => maxBudget;

    public TrialPlan Next(TrialHistory history) => TrialPlan.New(maxBudget);

    public SchedulerDecision Report(TrialHistory history, int trial, IntermediateReport report)
    {
        if (report.Step < gracePeriod)
        {
            return SchedulerDecision.Continue;
        }

        var others = history.Trials
            .Where(t => t.Number != trial && t.Curve.Count > 0 && t.Curve[^1].Step >= report.Step && t.ValueAt(report.Step) is not null)
            .Select(t => history.Loss(t.ValueAt(report.Step)!.Value))
            .Order()
            .ToArray();
        if (others.Length < minTrials)
        {
            return SchedulerDecision.Continue;
        }

        var median = others.Length % 2 == 1 ? others[others.Length / 2] : 0.5 * (others[others.Length / 2 - 1] + others[others.Length / 2]);
        var own = history.Trials[trial].Curve.Where(r => r.Step <= report.Step).Select(r => history.Loss(r.Value)).DefaultIfEmpty(history.Loss(report.Value)).Min();
        return own > median ? SchedulerDecision.Stop : SchedulerDecision.Continue;
    }

    public TrialHistory SamplerView(TrialHistory history) => history;
}
