namespace Transfer.Contracts.Jobs;

/// <summary>
/// An auto-training job as the API shows it: what was asked, where it is, the best trial so far and the baseline
/// (the benchmark model's default configuration), and once finished the registered model and the report comparing the
/// winner with the baseline and the from-scratch reference. <see cref="TestScore"/> is the registered model's accuracy on the
/// test split: the ensemble's when the job ensembled its trials (<see cref="JobReport.Ensemble"/>), else the best trial's.
/// <see cref="DeviceHoursUsed"/> is the device time its trials have held so far (what a <see cref="JobBudget.DeviceHours"/>
/// budget counts); <see cref="Deadline"/> is when a wall-time budget stops new trials (null without one; an extension sets its own).
/// <see cref="BenchmarkModelId"/> is the benchmark model its trials fine-tune, the one of the dataset's virtual
/// <see cref="Group"/>; null when they train from scratch (the group has none, or the job was asked not to use the
/// knowledge base). <see cref="FinishedAt"/> is when the job finished: its trials had all ended and its model was registered
/// (null while it runs, and while a stopped job's trials wind down or its model is being written); a job is done once it is
/// set.
/// </summary>
public sealed record JobInfo(
    string Id,
    string DatasetId,
    JobStatus Status,
    CreateJobRequest Request,
    int TrialsStarted,
    int TrialsFinished,
    int? BestTrial,
    double? BestScore,
    double? BaselineScore,
    double? TestScore,
    string? ModelId,
    string? Message,
    double StepsSavedShare,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JobReport? Report = null,
    double DeviceHoursUsed = 0,
    DateTimeOffset? Deadline = null,
    string? BenchmarkModelId = null,
    string? Group = null,
    DateTimeOffset? FinishedAt = null);
