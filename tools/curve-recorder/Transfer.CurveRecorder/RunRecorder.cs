using System.Globalization;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;

namespace Transfer.CurveRecorder;

/// <summary>
/// Trains one recording with the real trainer on a 60/20/20 stratified split (the split a job's trial uses) and
/// returns its curve: one point per report, four reports per epoch (the study's cadence), each with the mean
/// training loss since the last report and the validation loss and accuracy; a diverged run ends with a NaN point.
/// </summary>
internal static class RunRecorder
{
    public static async Task<Recording> RecordAsync(RecordingRun run, object decoded, CancellationToken cancellationToken = default)
    {
        var (labels, classes) = decoded switch
        {
            ImageData i => (i.Labels, i.Classes.Count),
            TabularData t => (t.Labels, t.Classes.Count),
            _ => throw new ArgumentException("unknown dataset kind", nameof(decoded)),
        };
        var split = StratifiedSplitter.Split(labels, 0.2, 0.2, run.Seed);
        if (run.PerClass is { } perClass)
        {
            split = split with { Train = [.. split.Train.GroupBy(i => labels[i]).SelectMany(g => g.Take(perClass)).Order()] };
        }

        var data = decoded is ImageData images ? PreparedData.FromImages(images, split) : PreparedData.FromTable((TabularData)decoded, split);
        var spec = Spec(run.Model, decoded, classes);
        var stepsPerEpoch = Math.Max(1, (data.Train.Count + run.Batch - 1) / run.Batch);
        var solver = new SolverConfig(
            BaseLr: run.Lr,
            Momentum: run.Momentum,
            WeightDecay: run.WeightDecay,
            Optimizer: run.Optimizer,
            BatchSize: run.Batch,
            MaxIter: run.Epochs * stepsPerEpoch,
            Epochs: run.Epochs,
            TestInterval: Math.Max(1, stepsPerEpoch / 4));
        using var module = SpecModule.Create(spec, run.Seed);
        using var trainer = new Trainer(module, solver, data.Train, data.Validation, new TrainerOptions(run.Seed));
        var points = new List<CurvePoint>();
        await foreach (var report in trainer.RunAsync(cancellationToken))
        {
            if (report.Kind == ReportKind.Progress && report.TrainLoss is { } loss)
            {
                points.Add(new CurvePoint(report.Step, loss, report.Validation?.Loss, report.Validation?.Accuracy));
            }
        }

        if (trainer.Outcome is { Status: TrainingStatus.Diverged, DivergedAtStep: { } at })
        {
            points.Add(new CurvePoint(at, double.NaN));
        }

        var config = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["regime"] = RecordingRun.RegimeName(run.Regime),
            ["dataset"] = run.Dataset,
            ["model"] = spec.ToString(),
            ["optimizer"] = run.Optimizer.ToString(),
            ["base_lr"] = Text(run.Lr),
            ["momentum"] = Text(run.Momentum),
            ["weight_decay"] = Text(run.WeightDecay),
            ["batch_size"] = Text(run.Batch),
            ["epochs"] = Text(run.Epochs),
            ["train_examples"] = Text(data.Train.Count),
            ["validation_examples"] = Text(data.Validation.Count),
            ["seed"] = Text(run.Seed),
            ["outcome"] = trainer.Outcome?.Status.ToString() ?? "none",
        };
        return new Recording(points, solver.MaxIter, Math.Log(classes), config);
    }

    private static ModelSpec Spec(string model, object decoded, int classes)
    {
        var parts = model.Split(':');
        var numbers = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], decoded) switch
        {
            ("mlp", TabularData t) => ModelFamilies.Mlp(t.Columns, classes, numbers),
            ("cnn", ImageData i) => ModelFamilies.SmallCnn(InputSpec.Image(i.Channels, i.Height, i.Width), classes, numbers[0], numbers[1], numbers[2]),
            _ => throw new ArgumentException($"model {model} does not fit the dataset", nameof(model)),
        };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
