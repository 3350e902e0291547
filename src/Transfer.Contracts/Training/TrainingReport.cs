namespace Transfer.Contracts.Training;

/// <summary>
/// One entry of a learning curve. <see cref="Step"/> counts completed optimisation steps and <see cref="Epoch"/> is
/// fractional (steps / steps per epoch). Progress entries carry <see cref="TrainLoss"/> (mean over the steps since the
/// previous progress entry) and <see cref="Validation"/>; event entries carry <see cref="EventName"/> (e.g.
/// <c>stop</c>, <c>pause</c>, <c>resume</c>, or a solver value name such as <c>base_lr</c>) and
/// <see cref="EventValue"/>; the finished entry carries <see cref="Status"/> and a <see cref="Message"/>.
/// </summary>
public sealed record TrainingReport(
    ReportKind Kind,
    int Step,
    double Epoch,
    double LearningRate,
    double? TrainLoss = null,
    ValidationMetrics? Validation = null,
    string? EventName = null,
    double? EventValue = null,
    TrainingStatus? Status = null,
    string? Message = null);
