namespace Transfer.Contracts.Jobs;

/// <summary>What a job optimises: a validation metric (<c>accuracy</c> or <c>loss</c>) and its direction.</summary>
public sealed record JobObjective(string Metric = "accuracy", bool Maximize = true);
