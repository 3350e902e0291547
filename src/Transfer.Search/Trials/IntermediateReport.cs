namespace Transfer.Search.Trials;

/// <summary>One point of a trial's learning curve: the metric <see cref="Value"/> after <see cref="Step"/> units of budget.</summary>
public sealed record IntermediateReport(double Step, double Value);
