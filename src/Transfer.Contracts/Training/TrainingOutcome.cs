namespace Transfer.Contracts.Training;

/// <summary>
/// The result of a run: how it ended, the seed it ran under, the steps done, the step where the loss diverged (if it
/// did), the last validation metrics and the whole curve. For external trainers <see cref="Message"/> holds the log
/// tail on failure.
/// </summary>
public sealed record TrainingOutcome(
    TrainingStatus Status,
    int Seed,
    int Steps,
    int? DivergedAtStep,
    ValidationMetrics? FinalValidation,
    IReadOnlyList<TrainingReport> Curve,
    string? Message = null);
