namespace Transfer.Search.Trials;

/// <summary>
/// One point of a trial's learning curve: the metric <see cref="Value"/> after <see cref="Step"/> units of budget.
/// <see cref="StandardError"/> is how far the value may be off its true value by measurement noise alone (a held-out
/// accuracy on n examples: sqrt(p(1 - p) / n)); 0 when unknown. ASHA does not cut a trial that is within it of a rung's cut-off.
/// </summary>
public sealed record IntermediateReport(double Step, double Value, double StandardError = 0);
