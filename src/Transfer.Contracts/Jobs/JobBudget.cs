namespace Transfer.Contracts.Jobs;

/// <summary>
/// When a job stops starting trials: after <see cref="Trials"/> trials (the baseline included), or after
/// <see cref="WallTimeSeconds"/>, whichever comes first. At least one must be set.
/// </summary>
public sealed record JobBudget(int? Trials = 10, double? WallTimeSeconds = null);
