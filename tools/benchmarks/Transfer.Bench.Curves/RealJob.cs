using Transfer.Contracts.Search;

namespace Transfer.Bench.Curves;

/// <summary>One real search (a dataset, its trials in both arms) and its totals: steps per arm, best validation and test accuracy per arm.</summary>
internal sealed record RealJob(string Dataset, int Images, double Seconds, IReadOnlyList<TrialRun> Trials, double? StudyBest)
{
    public long StepsFull => Trials.Sum(t => (long)t.FullSteps);

    public long StepsStudy => Trials.Sum(t => (long)t.StudySteps);

    public double BestFull => Trials.Max(t => t.FullAccuracy ?? double.NegativeInfinity);

    public double BestStudy => StudyBest ?? double.NegativeInfinity;

    /// <summary>Best validation accuracy with all trials run to the end minus the study's best with early stopping, in points.</summary>
    public double BestDelta => 100.0 * (BestFull - BestStudy);

    public object Summary(int epochs, int seed) => new
    {
        dataset = Dataset,
        images = Images,
        trials = Trials.Count,
        max_epochs = epochs,
        seed,
        seconds = Math.Round(Seconds, 1),
        steps_full = StepsFull,
        steps_with_early_stopping = StepsStudy,
        iterations_saved_share = Math.Round(1.0 - ((double)StepsStudy / StepsFull), 4),
        best_full = BestFull,
        best_with_early_stopping = BestStudy,
        best_delta = Math.Round(BestDelta, 3),
        best_test_full = Trials.Where(t => t.FullAccuracy is not null).OrderByDescending(t => t.FullAccuracy).ThenBy(t => t.Number).First().FullTestAccuracy,
        best_test_with_early_stopping = Trials.Where(t => t.StoppedAtReport is null && t.FullAccuracy is not null)
            .OrderByDescending(t => t.FullAccuracy).ThenBy(t => t.Number).FirstOrDefault()?.FullTestAccuracy,
        stopped = Trials.Count(t => t.StoppedAtReport is not null),
        stopped_by_judge = Trials.Count(t => t.StopReason?.Contains("judge", StringComparison.Ordinal) == true),
        diverged = Trials.Count(t => t.Diverged),
        trial_runs = Trials.Select(t => new
        {
            trial = t.Number,
            configuration = string.Join(", ", t.Configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            steps_full = t.FullSteps,
            steps_with_early_stopping = t.StudySteps,
            val_accuracy_full = t.FullAccuracy,
            test_accuracy_full = t.FullTestAccuracy,
            stop = t.StopReason,
        }),
    };
}
