using Transfer.Contracts.Jobs;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Storage;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Solver;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Trains a trial with TorchSharp on this worker: decodes the dataset (cached), splits it with the job's split seed
/// (a held-out test split the search never sees), builds the model (fine-tuned from the benchmark weights when there are
/// some), resumes from the checkpoint of a lost attempt, reports every test interval, checkpoints each epoch, and saves
/// the final model next to the trial's checkpoints.
/// <para>
/// With <see cref="TrialAssignment.Folds"/> k &gt; 1 the non-test data is dealt into k stratified folds and the trial
/// trains k models in lock-step (<see cref="FoldRun"/>): each report is the mean over folds at the same epoch, the score
/// is the mean (± standard deviation) of the folds' final validation accuracy, each fold checkpoints on its own, and the
/// trial's model is its best fold's model (by validation), evaluated on the test split, which is the same examples as the
/// holdout split's test split under the same seed.
/// </para>
/// </summary>
public sealed class TorchTrialExecutor(DatasetCache datasets, ArtifactStore artifacts) : ITrialExecutor
{
    /// <summary>Share of each dataset kept as the test split, and of the rest as the validation split.</summary>
    public const double TestFraction = 0.2;
    public const double ValidationFraction = 0.2;

    /// <summary>About how many examples a trial (each fold of it) trains on.</summary>
    public static int TrainEstimate(long examples, int folds) =>
        (int)Math.Max(1, examples * (1 - TestFraction) * (folds > 1 ? 1 - (1.0 / folds) : 1 - ValidationFraction));

    /// <summary>About how many examples a trial's validation score is measured on (k folds: every non-test example once).</summary>
    public static int ValidationEstimate(long examples, int folds) =>
        (int)Math.Max(1, examples * (folds > 1 ? 1 - TestFraction : ValidationFraction));

    /// <summary>The splits a trial trains on: one holdout split, or k folds sharing one test split.</summary>
    public static IReadOnlyList<DataSplit> Splits(IReadOnlyList<int> labels, int folds, int seed) =>
        folds > 1 ? StratifiedSplitter.HoldOutKFold(labels, folds, TestFraction, seed) : [StratifiedSplitter.Split(labels, ValidationFraction, TestFraction, seed)];

    public async Task<TrialResult> RunAsync(TrialAssignment assignment, ITrialSink sink, TrialControl control, CancellationToken cancellationToken = default)
    {
        var decoded = await datasets.GetAsync(assignment.Tenant, assignment.Dataset, cancellationToken);
        var labels = decoded is ImageData images ? images.Labels : ((TabularData)decoded).Labels;
        var folds = Math.Max(1, assignment.Folds);
        PreparedData[] data = [.. Splits(labels, folds, assignment.SplitSeed).Select(s => decoded is ImageData i ? PreparedData.FromImages(i, s) : PreparedData.FromTable((TabularData)decoded, s))];

        var stepsPerEpoch = TrialConfigurationMapper.StepsPerEpoch(assignment.Configuration, data[0].Train.Count);
        var solver = assignment.Solver with
        {
            MaxIter = assignment.Solver.MaxIter > 0 ? assignment.Solver.MaxIter : assignment.Solver.Epochs * stepsPerEpoch,
        };
        string[] checkpoints = [.. Enumerable.Range(0, folds).Select(f => artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, folds == 1 ? "checkpoint" : $"checkpoint-fold{f}"))];
        var run = await CreateAsync(assignment, solver, data, cancellationToken);
        if (assignment.ResumeCheckpointBlob is not null && !await TryRestoreAsync(run, checkpoints, cancellationToken))
        {
            await run.DisposeAsync(); // folds checkpointed at different steps (a loss mid-save): start them all again
            run = await CreateAsync(assignment, solver, data, cancellationToken);
        }

        await using (run)
        {
            control.Attach([.. run.Trainers.Select(t => t.Control)]);
            string? stopReason = null;
            var lastEpoch = Math.Floor((double)run.Step / stepsPerEpoch);
            while (await run.NextAsync(cancellationToken) is { } sample)
            {
                var verdict = await sink.ReportAsync(sample, cancellationToken);
                if (verdict.Stop && stopReason is null)
                {
                    stopReason = verdict.Reason ?? "stopped by the study";
                    control.Apply(new TrialCommand("stop"));
                }

                if (Math.Floor(sample.Epoch) > lastEpoch && stopReason is null)
                {
                    lastEpoch = Math.Floor(sample.Epoch);
                    for (var f = 0; f < folds; f++)
                    {
                        using var buffer = new MemoryStream();
                        await run.Trainers[f].SaveCheckpointAsync(buffer, cancellationToken);
                        buffer.Position = 0;
                        await artifacts.WriteAsync(checkpoints[f], buffer, cancellationToken);
                    }
                }
            }

            return await FinishAsync(assignment, run, stopReason, cancellationToken);
        }
    }

    private async Task<FoldRun> CreateAsync(TrialAssignment assignment, SolverConfig solver, IReadOnlyList<PreparedData> data, CancellationToken cancellationToken) =>
        await FoldRun.CreateAsync(
            assignment,
            solver,
            data,
            async ct => assignment.BenchmarkModelBlob is { } blob ? await artifacts.OpenReadAsync(blob, ct) : null,
            cancellationToken);

    private async Task<bool> TryRestoreAsync(FoldRun run, IReadOnlyList<string> checkpoints, CancellationToken cancellationToken)
    {
        for (var f = 0; f < checkpoints.Count; f++)
        {
            if (await artifacts.ExistsAsync(checkpoints[f], cancellationToken))
            {
                await using var source = await artifacts.OpenReadAsync(checkpoints[f], cancellationToken);
                await run.Trainers[f].RestoreCheckpointAsync(source, cancellationToken);
            }
        }

        return run.Trainers.Select(t => t.Step).Distinct().Count() == 1;
    }

    private async Task<TrialResult> FinishAsync(TrialAssignment assignment, FoldRun run, string? stopReason, CancellationToken cancellationToken)
    {
        TrainingOutcome[] outcomes = [.. run.Trainers.Select(t => t.Outcome!)];
        var best = Enumerable.Range(0, outcomes.Length).MaxBy(f => outcomes[f].FinalValidation?.Accuracy ?? double.MinValue);
        var test = Evaluator.Evaluate(run.Models[best], run.Data[best].Test, cancellationToken: cancellationToken);
        var modelRef = artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, "model");
        using (var saved = new MemoryStream())
        {
            var trained = new TrainedModel(run.Models[best], run.Data[best].Preprocessing, assignment.Seed);
            await trained.SaveAsync(saved, cancellationToken);
            saved.Position = 0;
            await artifacts.WriteAsync(modelRef, saved, cancellationToken);
        }

        var outcome = outcomes.FirstOrDefault(o => o.Status == TrainingStatus.Diverged) ?? outcomes[0];
        var status = outcome.Status switch
        {
            TrainingStatus.Completed => TrialStatus.Completed,
            TrainingStatus.Stopped when stopReason is not null => TrialStatus.Pruned,
            TrainingStatus.Stopped => TrialStatus.Stopped,
            _ => TrialStatus.Failed,
        };
        var message = outcome.Status == TrainingStatus.Diverged ? $"diverged at step {outcome.DivergedAtStep}" : stopReason ?? outcome.Message;
        var (accuracy, accuracyStd) = FoldRun.Spread(outcomes.Select(o => o.FinalValidation?.Accuracy));
        var (loss, lossStd) = FoldRun.Spread(outcomes.Select(o => o.FinalValidation?.Loss));
        return new TrialResult(status, accuracy, loss, test?.Accuracy, modelRef, message, outcome.Steps, outcomes.Length, accuracyStd, lossStd);
    }
}
