namespace Transfer.Contracts.Search;

/// <summary>
/// Which scheduler a study uses: <c>fifo</c> (no early stopping), <c>median</c>, <c>asha</c> or <c>hyperband</c> (AdaRandom).
/// Budgets are in the trial's step unit (epochs or iterations); <see cref="ReductionFactor"/> is Hyperband's eta.
/// </summary>
public sealed record SchedulerDefinition(
    string Name,
    double MinBudget = 1,
    double MaxBudget = 27,
    double ReductionFactor = 3,
    int GracePeriod = 1);
