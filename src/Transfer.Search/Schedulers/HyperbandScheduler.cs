using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>
/// Hyperband (Li et al. 2017), the seed's AdaRandom: brackets s = s_max..0 repeat forever; bracket s starts
/// n = ceil((s_max+1)/(s+1) eta^s) trials at budget R eta^-s, and each time a rung is finished the best 1/eta are resumed
/// at eta times the budget (successive halving). Trials that are not promoted stay Paused. A free worker is given the
/// first available promotion or new trial, scanning brackets in order, so parallel workers fill the next bracket instead
/// of waiting. State lives in the trial records (Budget, Bracket).
/// </summary>
public sealed class HyperbandScheduler : IScheduler
{
    private readonly double _eta;
    private readonly int _sMax;

    public HyperbandScheduler(double minBudget, double maxBudget, double reductionFactor = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBudget, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBudget, minBudget);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reductionFactor, 1);
        _eta = reductionFactor;
        _sMax = (int)Math.Floor(Math.Log(maxBudget / minBudget) / Math.Log(reductionFactor) + 1e-9);
        MaxBudget = maxBudget;
        Budgets = Rungs.Budgets(maxBudget * Math.Pow(reductionFactor, -_sMax), maxBudget, reductionFactor);
    }

    public string Name => "hyperband";

    public double MaxBudget { get; }

    public IReadOnlyList<double> Budgets { get; }

    public TrialPlan Next(TrialHistory history)
    {
        var lastBracket = history.Trials.Select(t => t.Bracket ?? -1).DefaultIfEmpty(-1).Max();
        for (var b = 0; b <= lastBracket + 1; b++)
        {
            var plan = NextIn(history, b);
            if (plan is not null)
            {
                return plan;
            }
        }

        return TrialPlan.New(RungBudget(lastBracket + 2, 0), lastBracket + 2);
    }

    public SchedulerDecision Report(TrialHistory history, int trial, IntermediateReport report) => SchedulerDecision.Continue;

    public TrialHistory SamplerView(TrialHistory history) => Rungs.View(history, [.. Budgets], 6);

    /// <summary>Number of trials bracket <paramref name="bracket"/> starts with.</summary>
    public int BracketSize(int bracket)
    {
        var s = S(bracket);
        return (int)Math.Ceiling((_sMax + 1) / (double)(s + 1) * Math.Pow(_eta, s));
    }

    private TrialPlan? NextIn(TrialHistory history, int bracket)
    {
        var s = S(bracket);
        var members = history.Trials.Where(t => t.Bracket == bracket).ToList();
        if (members.Count < BracketSize(bracket))
        {
            return TrialPlan.New(RungBudget(bracket, 0), bracket);
        }

        for (var i = 0; i < s; i++)
        {
            var budget = RungBudget(bracket, i);
            var atRung = members.Where(t => (t.Budget ?? 0) >= budget * (1 - 1e-9)).ToList();
            var finished = atRung.All(t => (t.Budget ?? 0) > budget * (1 + 1e-9) || t.State is not TrialState.Pending);
            if (!finished)
            {
                continue;
            }

            var promoteCount = (int)Math.Floor(BracketSize(bracket) * Math.Pow(_eta, -(i + 1)));
            var promoted = atRung.Count(t => (t.Budget ?? 0) > budget * (1 + 1e-9));
            if (promoted >= promoteCount)
            {
                continue;
            }

            var candidate = atRung
                .Where(t => t.State == TrialState.Paused && (t.Budget ?? 0) <= budget * (1 + 1e-9) && t.ValueAt(budget * (1 + 1e-9)) is not null)
                .OrderBy(t => history.Loss(t.ValueAt(budget * (1 + 1e-9))!.Value))
                .ThenBy(t => t.Number)
                .FirstOrDefault();
            var rank = candidate is null ? int.MaxValue : atRung
                .Where(t => t.ValueAt(budget * (1 + 1e-9)) is not null)
                .Count(t => history.Loss(t.ValueAt(budget * (1 + 1e-9))!.Value) < history.Loss(candidate.ValueAt(budget * (1 + 1e-9))!.Value));
            if (candidate is not null && rank < promoteCount)
            {
                return TrialPlan.Resume(candidate.Number, RungBudget(bracket, i + 1), bracket);
            }
        }

        return null;
    }

    private int S(int bracket) => _sMax - (bracket % (_sMax + 1));

    private double RungBudget(int bracket, int rung) => MaxBudget * Math.Pow(_eta, rung - S(bracket));
}
