using Transfer.Contracts.Jobs;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Storage;
using Transfer.Training;
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
/// </summary>
public sealed class TorchTrialExecutor(DatasetCache datasets, ArtifactStore artifacts) : ITrialExecutor
{
    /// <summary>Share of each dataset kept as the test split, and of the rest as the validation split.</summary>
    public const double TestFraction = 0.2;
    public const double ValidationFraction = 0.2;

    public async Task<TrialResult> RunAsync(TrialAssignment assignment, ITrialSink sink, TrialControl control, CancellationToken cancellationToken = default)
    {
        var decoded = await datasets.GetAsync(assignment.Tenant, assignment.Dataset, cancellationToken);
        var split = new SplitConfig(ValidationFraction, TestFraction, assignment.SplitSeed);
        var data = decoded is ImageData images ? PreparedData.FromImages(images, split) : PreparedData.FromTable((TabularData)decoded, split);

        var stepsPerEpoch = TrialConfigurationMapper.StepsPerEpoch(assignment.Configuration, data.Train.Count);
        var solver = assignment.Solver with
        {
            MaxIter = assignment.Solver.MaxIter > 0 ? assignment.Solver.MaxIter : assignment.Solver.Epochs * stepsPerEpoch,
        };
        Stream? benchmark = assignment.BenchmarkModelBlob is { } blob ? await artifacts.OpenReadAsync(blob, cancellationToken) : null;
        SpecModule model;
        await using (benchmark)
        {
            model = await FineTuning.CreateAsync(assignment.Model, assignment.Seed, benchmark, cancellationToken: cancellationToken);
        }

        using (model)
        using (var trainer = new Trainer(model, solver, data.Train, data.Validation, new TrainerOptions(assignment.Seed)))
        {
            var checkpoint = artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, "checkpoint");
            if (assignment.ResumeCheckpointBlob is { } resume && await artifacts.ExistsAsync(resume, cancellationToken))
            {
                await using var source = await artifacts.OpenReadAsync(resume, cancellationToken);
                await trainer.RestoreCheckpointAsync(source, cancellationToken);
            }

            control.Attach(trainer.Control);
            string? stopReason = null;
            var lastEpoch = Math.Floor((double)trainer.Step / stepsPerEpoch);
            await foreach (var report in trainer.RunAsync(cancellationToken))
            {
                if (report.Kind != ReportKind.Progress || report.Validation is not { } v)
                {
                    continue;
                }

                var verdict = await sink.ReportAsync(
                    new CurveSample(report.Epoch, report.Step, report.TrainLoss, v.Loss, v.Accuracy, report.LearningRate), cancellationToken);
                if (verdict.Stop && stopReason is null)
                {
                    stopReason = verdict.Reason ?? "stopped by the study";
                    trainer.Control.Stop();
                }

                if (Math.Floor(report.Epoch) > lastEpoch && stopReason is null)
                {
                    lastEpoch = Math.Floor(report.Epoch);
                    using var buffer = new MemoryStream();
                    await trainer.SaveCheckpointAsync(buffer, cancellationToken);
                    buffer.Position = 0;
                    await artifacts.WriteAsync(checkpoint, buffer, cancellationToken);
                }
            }

            var outcome = trainer.Outcome!;
            var test = Evaluator.Evaluate(model, data.Test, cancellationToken: cancellationToken);
            var modelRef = artifacts.CheckpointRef(assignment.Tenant, assignment.JobId, assignment.Trial, "model");
            using (var saved = new MemoryStream())
            {
                var trained = new TrainedModel(model, data.Preprocessing, assignment.Seed);
                await trained.SaveAsync(saved, cancellationToken);
                saved.Position = 0;
                await artifacts.WriteAsync(modelRef, saved, cancellationToken);
            }

            var status = outcome.Status switch
            {
                TrainingStatus.Completed => TrialStatus.Completed,
                TrainingStatus.Stopped when stopReason is not null => TrialStatus.Pruned,
                TrainingStatus.Stopped => TrialStatus.Stopped,
                _ => TrialStatus.Failed,
            };
            var message = outcome.Status == TrainingStatus.Diverged ? $"diverged at step {outcome.DivergedAtStep}" : stopReason ?? outcome.Message;
            return new TrialResult(status, outcome.FinalValidation?.Accuracy, outcome.FinalValidation?.Loss, test?.Accuracy, modelRef, message, outcome.Steps);
        }
    }
}
