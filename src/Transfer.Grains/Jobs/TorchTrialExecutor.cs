using Transfer.Contracts.Jobs;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Search.Ensembles;
using Transfer.Storage;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Modules;
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
/// trial's model is what <see cref="TrialAssignment.FoldModel"/> says: by default its k fold models averaged (a
/// <see cref="TrainedEnsemble"/>), or one more model trained on all the non-test data when it completes, or its best fold's
/// model by validation. It is evaluated on the test split, which is the same examples as the holdout split's test split
/// under the same seed.
/// </para>
/// </summary>
public sealed class TorchTrialExecutor(DatasetCache datasets, ArtifactStore artifacts) : ITrialExecutor
{
    /// <summary>Share of each dataset kept as the test split, and of the rest as the validation split.</summary>
    public const double TestFraction = 0.2;
    public const double ValidationFraction = 0.2;

    /// <summary>The name, next to a completed trial's model, of its held-out predictions (<see cref="HeldOutPredictions"/>).</summary>
    public const string PredictionsName = "predictions";

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

            var refit = folds > 1 && assignment.FoldModel == JobValidation.Refit && !control.StopRequested && run.Trainers.All(t => t.Outcome?.Status == TrainingStatus.Completed)
                ? await RefitAsync(assignment, decoded, labels, run.Step / (double)stepsPerEpoch, control, cancellationToken)
                : null;
            using (refit)
            {
                return await FinishAsync(assignment, run, stopReason, refit, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Trains a completed k-fold trial's configuration once more, on all the non-test data, for as many epochs as its folds
    /// trained (the learning-rate schedule is in epochs, so it stretches to the larger split), as scikit-learn's
    /// <c>refit</c> and auto-sklearn do: the trial's model and test score are then this model's, not one fold's, which saw
    /// only (k-1)/k of the data and was picked by a validation fold of a few dozen examples. Null when the refit was
    /// stopped (a stop command reaches it as it reaches the folds) or did not complete: the trial then keeps its best
    /// fold's model.
    /// </summary>
    private async Task<RefitModel?> RefitAsync(TrialAssignment assignment, object decoded, IReadOnlyList<int> labels, double epochs, TrialControl control, CancellationToken cancellationToken)
    {
        // Every fold's train and validation examples; the same test split (HoldOutKFold cuts it exactly as this does).
        var split = StratifiedSplitter.Split(labels, 0, TestFraction, assignment.SplitSeed);
        var data = decoded is ImageData i ? PreparedData.FromImages(i, split) : PreparedData.FromTable((TabularData)decoded, split);
        var stepsPerEpoch = TrialConfigurationMapper.StepsPerEpoch(assignment.Configuration, data.Train.Count);
        var solver = TrialConfigurationMapper.Solver(assignment.Configuration, Math.Max(1, assignment.Solver.Epochs), stepsPerEpoch) with
        {
            MaxIter = Math.Max(1, (int)Math.Round(epochs * stepsPerEpoch)),
        };
        var seed = Transfer.Training.Seeds.Derive(assignment.Seed, assignment.Folds, stream: 17);
        SpecModule model;
        var benchmark = assignment.BenchmarkModelBlob is { } blob ? await artifacts.OpenReadAsync(blob, cancellationToken) : null;
        await using (benchmark)
        {
            model = await Transfer.Training.FineTuning.CreateAsync(assignment.Model, seed, benchmark, cancellationToken: cancellationToken);
        }

        using var trainer = new Trainer(model, solver, data.Train, null, new TrainerOptions(seed));
        control.Attach(trainer.Control);
        await foreach (var _ in trainer.RunAsync(cancellationToken))
        {
        }

        if (trainer.Outcome?.Status != TrainingStatus.Completed)
        {
            model.Dispose();
            return null;
        }

        return new RefitModel(model, data, seed);
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

    /// <summary>
    /// Saves the trial's model and scores it on the test split: the fold models averaged (k-fold with
    /// <see cref="JobValidation.Ensemble"/>, unless a fold diverged; <see cref="TrainedEnsemble.FoldsToAverage"/>), the
    /// refit model, or the best fold's model by validation (a holdout split's only model).
    /// </summary>
    private async Task<TrialResult> FinishAsync(TrialAssignment assignment, FoldRun run, string? stopReason, RefitModel? refit, CancellationToken cancellationToken)
    {
        TrainingOutcome[] outcomes = [.. run.Trainers.Select(t => t.Outcome!)];
        int[] byValidation = [.. Enumerable.Range(0, outcomes.Length).OrderByDescending(f => outcomes[f].FinalValidation?.Accuracy ?? double.MinValue)];
        var best = byValidation[0];
        var averaged = refit is null && outcomes.Length > 1 && assignment.FoldModel == JobValidation.Ensemble
            && outcomes.All(o => o.Status is TrainingStatus.Completed or TrainingStatus.Stopped);
        (SpecModule Model, PreparedData Data, int Seed)[] members = refit is not null ? [(refit.Model, refit.Data, refit.Seed)]
            : [.. (averaged ? TrainedEnsemble.FoldsToAverage(byValidation, [.. outcomes.Select(o => o.FinalValidation)]) : [best])
                .Select(f => (run.Models[f], run.Data[f], f == 0 ? assignment.Seed : Transfer.Training.Seeds.Derive(assignment.Seed, f, stream: 17)))];

        // Wrappers only: the fold networks belong to the run, the refit network to the caller.
        var ensemble = new TrainedEnsemble([.. members.Select(m => new TrainedModel(m.Model, m.Data.Preprocessing, m.Seed))], ownsMembers: false);
        IExampleSet[] testSets = [.. members.Select(m => m.Data.Test)];
        var testProbabilities = ensemble.Predict(testSets, cancellationToken);
        var test = TrainedEnsemble.Accuracy(testProbabilities, testSets[0]);
        var trainExamples = members.Length > 1 ? members[0].Data.Train.Count + members[0].Data.Validation.Count : members[0].Data.Train.Count;

        var modelRef = artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, "model");
        using (var saved = new MemoryStream())
        {
            await ensemble.SaveAsync(saved, cancellationToken);
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
        if (status == TrialStatus.Completed)
        {
            await SavePredictionsAsync(assignment, run, members[0].Data, testProbabilities, cancellationToken);
        }

        var message = outcome.Status == TrainingStatus.Diverged ? $"diverged at step {outcome.DivergedAtStep}" : stopReason ?? outcome.Message;
        var (accuracy, accuracyStd) = FoldRun.Spread(outcomes.Select(o => o.FinalValidation?.Accuracy));
        var (loss, lossStd) = FoldRun.Spread(outcomes.Select(o => o.FinalValidation?.Loss));
        return new TrialResult(status, accuracy, loss, test, modelRef, message, outcome.Steps, outcomes.Length, accuracyStd, lossStd, trainExamples, ensemble.Members.Count);
    }

    /// <summary>
    /// Saves a completed trial's held-out predictions for the job's ensemble selection: each fold model's probabilities
    /// for its own validation fold (together every non-test example once; a holdout split's validation examples) and the
    /// trial's model's probabilities for the test split.
    /// </summary>
    private async Task SavePredictionsAsync(TrialAssignment assignment, FoldRun run, PreparedData testData, float[][] testProbabilities, CancellationToken cancellationToken)
    {
        var (indices, labels, rows) = (new List<int>(), new List<int>(), new List<float[]>());
        for (var f = 0; f < run.Models.Count; f++)
        {
            var validation = run.Data[f].Validation;
            var fold = new TrainedModel(run.Models[f], run.Data[f].Preprocessing, assignment.Seed); // a wrapper: the run owns the network
            rows.AddRange(fold.Predict(validation, cancellationToken));
            indices.AddRange(run.Data[f].Split.Validation);
            labels.AddRange(Enumerable.Range(0, validation.Count).Select(validation.Label));
        }

        var (validationIndices, validationLabels, validationRows) = HeldOutPredictions.Sorted(indices, labels, rows);
        var (testIndices, testLabels, testRows) = HeldOutPredictions.Sorted(testData.Split.Test, [.. Enumerable.Range(0, testData.Test.Count).Select(testData.Test.Label)], testProbabilities);
        using var buffer = new MemoryStream();
        await new HeldOutPredictions(validationIndices, validationLabels, validationRows, testIndices, testLabels, testRows).WriteAsync(buffer, cancellationToken);
        buffer.Position = 0;
        await artifacts.WriteAsync(artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, PredictionsName), buffer, cancellationToken);
    }
}
