namespace Transfer.Search.Schedulers;

/// <summary>
/// What a free worker should do next: start a new trial, or resume paused trial <see cref="Trial"/>, training up to
/// <see cref="Budget"/> steps. The study stores <see cref="Budget"/> and <see cref="Bracket"/> on the trial record.
/// When a trial reaches its budget it is Complete if the budget is the scheduler's maximum, Paused otherwise.
/// </summary>
public sealed record TrialPlan(PlanKind Kind, double Budget, int? Trial = null, int? Bracket = null)
{
    public static TrialPlan New(double budget, int? bracket = null) => new(PlanKind.NewTrial, budget, null, bracket);

    public static TrialPlan Resume(int trial, double budget, int? bracket) => new(PlanKind.Resume, budget, trial, bracket);
}
