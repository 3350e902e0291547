using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Transfer.Training;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Solver;

namespace Transfer.Bench.Curves;

/// <summary>
/// A real tuning job without the grain: the default joint space of <see cref="JobPlanner"/> around the benchmark model
/// (fine-tuned from its weights), the study's own <see cref="StudyEngine"/> (TPE sampler with the baseline first, ASHA,
/// the judge's early-stopping policy) proposing each configuration. Each trial is trained to its planned end once
/// (arm a: every trial to its end), then its reports are replayed through <see cref="StudyEngine.Report"/> until the
/// study says stop (arm b); the engine is told the trial ended there, as the grain would tell it, before it proposes
/// the next configuration. Training is seeded by the trial, so the replayed prefix is exactly what the stopped trial
/// would have reported. Both arms therefore run the same configurations.
/// </summary>
internal static class RealSearch
{
    public static async Task<(IReadOnlyList<TrialRun> Trials, double? StudyBest)> RunAsync(
        ImageData images, Stream benchmarkWeights, int trials, int epochs, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        using var weights = new MemoryStream();
        await benchmarkWeights.CopyToAsync(weights, cancellationToken);
        ModelSpec benchmarkSpec;
        weights.Position = 0;
        using (var benchmark = await TrainedModel.LoadAsync(weights, cancellationToken: cancellationToken))
        {
            benchmarkSpec = benchmark.Module.Spec;
        }

        var classes = images.Classes.Count;
        var baseModel = benchmarkSpec with { Classes = classes, Head = [] };
        var space = JobPlanner.DefaultSpace(true, baseModel.BackboneBlocks, epochs);
        var plan = new StudyPlan(space, baseModel, "benchmark-models/cnn-fmnist-clothing6", null, JobPlanner.Baseline(space, baseModel.BackboneBlocks));
        var state = new StudyState
        {
            Request = new CreateJobRequest("fmnist", Seed: seed, MaxEpochs: epochs, UseKnowledgeBase: false),
            Plan = plan,
            Dataset = new DatasetInfo(
                "fmnist", "fmnist", DatasetStatus.Ready,
                new DatasetSchema(DatasetFormat.Idx, images.Count, [.. images.Classes.Select(c => new ClassCount(c, 0))], Image: new ImageShape(images.Channels, images.Height, images.Width)),
                [], DateTimeOffset.UnixEpoch),
            TrialBudget = trials,
        };
        var engine = new StudyEngine(state);
        var data = PreparedData.FromImages(images, new SplitConfig(TorchTrialExecutor.ValidationFraction, TorchTrialExecutor.TestFraction, seed));
        var runs = new List<TrialRun>();
        while (engine.HasBudget(DateTimeOffset.UnixEpoch))
        {
            var trial = engine.NewTrial();
            trial.Status = TrialStatus.Running;
            var model = TrialConfigurationMapper.Model(plan.BaseModel, trial.Configuration);
            var solver = TrialConfigurationMapper.Solver(trial.Configuration, epochs, TrialConfigurationMapper.StepsPerEpoch(trial.Configuration, data.Train.Count));
            weights.Position = 0;
            using var module = await FineTuning.CreateAsync(model, trial.Seed, weights, cancellationToken: cancellationToken);
            using var trainer = new Trainer(module, solver, data.Train, data.Validation, new TrainerOptions(trial.Seed));
            var samples = new List<CurveSample>();
            await foreach (var report in trainer.RunAsync(cancellationToken))
            {
                if (report.Kind == ReportKind.Progress && report.Validation is { } v)
                {
                    samples.Add(new CurveSample(report.Epoch, report.Step, report.TrainLoss, v.Loss, v.Accuracy, report.LearningRate));
                }
            }

            var outcome = trainer.Outcome!;
            var diverged = outcome.Status == TrainingStatus.Diverged;
            var test = diverged ? null : Evaluator.Evaluate(module, data.Test, cancellationToken: cancellationToken);
            var run = Replay(engine, trial, samples, classes) with
            {
                FullSteps = outcome.Steps,
                FullAccuracy = diverged ? null : outcome.FinalValidation?.Accuracy,
                FullTestAccuracy = test?.Accuracy,
                Diverged = diverged,
            };
            run = run with { StudySteps = run.StoppedAtReport is { } at ? samples[at].Step : outcome.Steps };
            var last = run.StoppedAtReport is { } k ? samples[k] : null;
            var result = last is not null
                ? new TrialResult(TrialStatus.Pruned, last.ValidationAccuracy, last.ValidationLoss, null, null, run.StopReason, last.Step)
                : diverged
                    ? new TrialResult(TrialStatus.Failed, run.FullAccuracy, outcome.FinalValidation?.Loss, null, null, $"diverged at step {outcome.DivergedAtStep}", outcome.Steps)
                    : new TrialResult(TrialStatus.Completed, run.FullAccuracy, outcome.FinalValidation?.Loss, run.FullTestAccuracy, null, null, outcome.Steps);
            engine.Finish(trial, result, DateTimeOffset.UnixEpoch);
            runs.Add(run);
            log($"trial {trial.Number}: {model.Head.Count} head layers, frozen {model.FrozenBlocks}, {solver.Optimizer} lr {solver.BaseLr:0.#####} {solver.LrPolicy} batch {solver.BatchSize}: "
                + $"full {run.FullSteps} steps, val {run.FullAccuracy:0.####}; study {run.StudySteps} steps{(run.StopReason is null ? "" : $" ({run.StopReason})")}");
        }

        return (runs, engine.BestScore());
    }

    private static TrialRun Replay(StudyEngine engine, TrialEntry trial, IReadOnlyList<CurveSample> samples, int classes)
    {
        for (var k = 0; k < samples.Count; k++)
        {
            var verdict = engine.Report(trial, samples[k], classes);
            if (Environment.GetEnvironmentVariable("CURVES_DEBUG") == "1" && trial.Judgement is { } j)
            {
                Console.WriteLine($"    t{trial.Number} k{k} ep {samples[k].Epoch:0.##} acc {samples[k].ValidationAccuracy:0.###} best {engine.BestScore():0.###} {j.State} early={j.TooEarly} pred={j.Extrapolation?.Predicted:0.###} [{j.Extrapolation?.Lower:0.###},{j.Extrapolation?.Upper:0.###}] stop={verdict.Stop}");
            }

            if (verdict.Stop)
            {
                return new TrialRun(trial.Number, trial.Configuration, samples, 0, null, null, false, k, samples[k].Step, verdict.Reason);
            }
        }

        return new TrialRun(trial.Number, trial.Configuration, samples, 0, null, null, false, null, samples.Count > 0 ? samples[^1].Step : 0, null);
    }
}
