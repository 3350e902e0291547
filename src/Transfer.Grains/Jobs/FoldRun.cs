using Transfer.Contracts.Jobs;
using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;
using Stats = MathNet.Numerics.Statistics.Statistics;

namespace Transfer.Grains.Jobs;

/// <summary>
/// The trainers of one trial attempt, one per fold (one in all for a holdout split), stepped in lock-step: every round
/// advances each fold to its next validation report, so the trial's curve point at epoch e is the mean over folds at
/// epoch e. Schedulers (ASHA rungs are epochs) and the judge see an ordinary curve, only less noisy. Disposes every
/// model and trainer.
/// </summary>
internal sealed class FoldRun : IAsyncDisposable
{
    private readonly SpecModule[] _models;
    private readonly Trainer[] _trainers;
    private readonly IAsyncEnumerator<TrainingReport>?[] _runs;
    private bool _started;

    private FoldRun(SpecModule[] models, Trainer[] trainers, IReadOnlyList<PreparedData> data)
    {
        (_models, _trainers, Data) = (models, trainers, data);
        _runs = new IAsyncEnumerator<TrainingReport>?[trainers.Length];
    }

    public IReadOnlyList<PreparedData> Data { get; }

    public IReadOnlyList<Trainer> Trainers => _trainers;

    public IReadOnlyList<SpecModule> Models => _models;

    /// <summary>Steps every fold has done (they move together).</summary>
    public int Step => _trainers.Min(t => t.Step);

    /// <summary>Builds a model per fold (fold 0 with the trial's seed, others with seeds derived from it) and its trainer.</summary>
    public static async Task<FoldRun> CreateAsync(
        TrialAssignment assignment, SolverConfig solver, IReadOnlyList<PreparedData> data, Func<CancellationToken, Task<Stream?>> openBenchmark, CancellationToken cancellationToken)
    {
        var models = new List<SpecModule>();
        var trainers = new List<Trainer>();
        try
        {
            for (var fold = 0; fold < data.Count; fold++)
            {
                var seed = fold == 0 ? assignment.Seed : Transfer.Training.Seeds.Derive(assignment.Seed, fold, stream: 17);
                var benchmark = await openBenchmark(cancellationToken);
                await using (benchmark)
                {
                    models.Add(await Transfer.Training.FineTuning.CreateAsync(assignment.Model, seed, benchmark, cancellationToken: cancellationToken));
                }

                trainers.Add(new Trainer(models[^1], solver, data[fold].Train, data[fold].Validation, new TrainerOptions(seed)));
            }

            return new FoldRun([.. models], [.. trainers], data);
        }
        catch
        {
            trainers.ForEach(t => t.Dispose());
            models.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Advances every running fold to its next progress report with validation metrics and returns their mean (null
    /// when every fold has ended). A fold that diverges ends the round for the others too: they are told to stop.
    /// </summary>
    public async Task<CurveSample?> NextAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _trainers.Length; i++)
            {
                _runs[i] = _trainers[i].RunAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            }
        }

        var reports = new List<TrainingReport>(_trainers.Length);
        for (var i = 0; i < _runs.Length; i++)
        {
            if (await NextProgressAsync(i) is { } report)
            {
                reports.Add(report);
            }
        }

        if (_trainers.Any(t => t.Outcome?.Status == TrainingStatus.Diverged))
        {
            Array.ForEach(_trainers, t => t.Control.Stop());
        }

        if (reports.Count == 0)
        {
            return null;
        }

        return new CurveSample(
            reports.Average(r => r.Epoch),
            reports.Max(r => r.Step),
            Mean(reports.Select(r => r.TrainLoss)),
            reports.Average(r => r.Validation!.Loss),
            reports.Average(r => r.Validation!.Accuracy),
            reports[0].LearningRate);
    }

    /// <summary>Mean and sample standard deviation (null for one fold) of the folds' final validation metric.</summary>
    public static (double? Mean, double? Std) Spread(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToArray();
        return known.Length == 0 ? (null, null) : (known.Average(), known.Length > 1 ? Stats.StandardDeviation(known) : null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs.OfType<IAsyncEnumerator<TrainingReport>>())
        {
            await run.DisposeAsync();
        }

        Array.ForEach(_trainers, t => t.Dispose());
        Array.ForEach(_models, m => m.Dispose());
    }

    private async Task<TrainingReport?> NextProgressAsync(int fold)
    {
        if (_runs[fold] is not { } run)
        {
            return null;
        }

        while (await run.MoveNextAsync())
        {
            if (run.Current is { Kind: ReportKind.Progress, Validation: not null } report)
            {
                return report;
            }
        }

        await run.DisposeAsync();
        _runs[fold] = null;
        return null;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToArray();
        return known.Length == 0 ? null : known.Average();
    }
}
