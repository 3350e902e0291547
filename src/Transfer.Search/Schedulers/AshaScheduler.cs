using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020; Ray Tune's AsyncHyperBand): every trial starts with the full budget;
/// when it reports at a rung budget (min, min*eta, ...) it is promoted if its value is in the top 1/eta of all values seen
/// at that rung so far, stopped otherwise. No trial ever waits for others. A value within its report's standard error of the
/// cut-off counts as reaching it: at a low rung the trials' values are often closer together than the noise of measuring
/// them, and a cut on noise loses the trial that would have ended best.
/// </summary>
public sealed class AshaScheduler : IScheduler
{
    private readonly double[] _budgets;
    private readonly double _eta;

    public AshaScheduler(double minBudget, double maxBudget, double reductionFactor = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBudget, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBudget, minBudget);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reductionFactor, 1);
        _eta = reductionFactor;
        _budgets = Rungs.Budgets(minBudget, maxBudget, reductionFactor);
        MaxBudget = maxBudget;
        RungBudgets = _budgets[..^1];
    }

    public string Name => "asha";

    public double MaxBudget { get; }

    /// <summary>The budgets at which a trial is tested, ascending (the maximum budget is not one: nothing is cut there).</summary>
    public IReadOnlyList<double> RungBudgets { get; }

    public TrialPlan Next(TrialHistory history) => TrialPlan.New(MaxBudget);

    public SchedulerDecision Report(TrialHistory history, int trial, IntermediateReport report)
    {
        var me = history.Trials[trial];
        foreach (var rung in _budgets[..^1])
        {
            var before = me.Curve.Where(r => r.Step < report.Step).Select(r => r.Step).DefaultIfEmpty(double.NegativeInfinity).Max();
            if (report.Step < rung * (1 - 1e-9) || before >= rung * (1 - 1e-9))
            {
                continue;
            }

            var values = history.Trials.Where(t => Rungs.Reached(t, rung)).Select(t => history.Loss(t.ValueAt(rung * (1 + 1e-9))!.Value)).Order().ToArray();
            var keep = Math.Max(1, (int)Math.Floor(values.Length / _eta));
            var own = history.Loss(me.ValueAt(rung * (1 + 1e-9)) ?? report.Value);
            return own - Math.Max(0, report.StandardError) <= values[keep - 1] ? SchedulerDecision.Promote : SchedulerDecision.Stop;
        }

        return SchedulerDecision.Continue;
    }

    public TrialHistory SamplerView(TrialHistory history) => Rungs.View(history, _budgets, 6);
}
