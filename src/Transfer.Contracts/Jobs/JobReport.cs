namespace Transfer.Contracts.Jobs;

/// <summary>
/// What a job's search bought: the best trial against the baseline (the benchmark model fine-tuned with its default
/// configuration) and, when the budget allowed one, the from-scratch reference (the default configuration without
/// pretrained weights). Scores are validation means ± spread across <see cref="Folds"/> folds; test scores are on the
/// split the search never saw. <see cref="Ensemble"/> is the registered model when the job ensembled its trials.
/// </summary>
public sealed record JobReport(int Folds, TrialSummary? Best, TrialSummary? Baseline, TrialSummary? Scratch, JobEnsemble? Ensemble = null);
