using System.Diagnostics;
using System.Runtime.CompilerServices;
using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Transfer.Training.Solver;

/// <summary>
/// Trains a <see cref="SpecModule"/> on a train split under a <see cref="SolverConfig"/>, streaming the learning
/// curve as <see cref="TrainingReport"/>s and taking live commands through <see cref="Control"/>. Batch order,
/// augmentation and dropout are drawn from the seed and the step number, so a run restored from a checkpoint
/// continues exactly as the uninterrupted run would have (on CPU).
/// </summary>
public sealed partial class Trainer : IDisposable
{
    private readonly SpecModule _model;
    private readonly IExampleSet _train;
    private readonly IExampleSet? _validation;
    private readonly TrainerOptions _options;
    private readonly Batcher _batcher;
    private readonly List<TrainingReport> _curve = [];
    private IReadOnlyList<ParameterGroup> _groups;
    private OptimizerHelper _optimizer;
    private int[] _order = [];
    private int _orderEpoch = -1;
    private double _lossSum;
    private int _lossCount;
    private long _stepTicks;
    private long _torchTicks;
    private int _timedSteps;
    private long _timedExamples;

    public Trainer(SpecModule model, SolverConfig solver, IExampleSet train, IExampleSet? validation, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count == 0)
        {
            throw new ArgumentException("the train split is empty", nameof(train));
        }

        _model = model;
        Solver = solver;
        _train = train;
        _validation = validation is { Count: > 0 } ? validation : null;
        _options = options;
        _batcher = new Batcher(train, Math.Min(solver.BatchSize, train.Count), model.parameters().First().device);
        _groups = model.ParameterGroups();
        _optimizer = OptimizerFactory.Create(_groups, solver);
    }

    /// <summary>The command sink for this run.</summary>
    public TrainerControl Control { get; } = new();

    /// <summary>The solver values in force (live changes included).</summary>
    public SolverConfig Solver { get; private set; }

    /// <summary>Completed optimisation steps.</summary>
    public int Step { get; private set; }

    /// <summary>The steps the run will take with the current solver values.</summary>
    public int TotalSteps => Solver.TotalSteps(_train.Count);

    /// <summary>The curve so far (a restored run includes the curve up to its checkpoint).</summary>
    public IReadOnlyList<TrainingReport> Curve => _curve;

    /// <summary>The outcome, once the report stream has ended.</summary>
    public TrainingOutcome? Outcome { get; private set; }

    /// <summary>Step timing totals, when <see cref="TrainerOptions.CollectTimings"/> is on.</summary>
    public StepTimings Timings => new(_timedSteps, (int)_timedExamples, (double)_stepTicks / Stopwatch.Frequency, (double)_torchTicks / Stopwatch.Frequency);

    /// <summary>
    /// Runs to the end (or a stop, divergence or cancellation) and yields a progress entry every
    /// <c>test_interval</c> steps and at the end, an event entry for every command applied, and a final
    /// <see cref="ReportKind.Finished"/> entry. Cancellation sets <see cref="Outcome"/> to
    /// <see cref="TrainingStatus.Cancelled"/> and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<TrainingReport> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var paused = false;
        var stopped = false;
        _model.SetTraining(true);
        try
        {
            while (Step < TotalSteps && !stopped)
            {
                while (true)
                {
                    if (!Control.Reader.TryRead(out var command))
                    {
                        if (!paused || await NextCommandAsync(cancellationToken) is not { } waited)
                        {
                            break;
                        }

                        command = waited;
                    }

                    var report = await ApplyAsync(command, cancellationToken);
                    paused = command.Kind == "pause" || (paused && command.Kind is not ("resume" or "stop"));
                    stopped |= command.Kind == "stop";
                    if (report is not null)
                    {
                        yield return Record(report);
                    }

                    if (stopped)
                    {
                        break;
                    }
                }

                if (stopped)
                {
                    break;
                }

                ThrowIfCancelled(cancellationToken);
                var loss = TrainStep();
                if (!double.IsFinite(loss))
                {
                    yield return Finish(TrainingStatus.Diverged, $"loss {loss} at step {Step + 1}", divergedAt: Step + 1);
                    yield break;
                }

                Step++;
                _lossSum += loss;
                _lossCount++;
                if (Step % Math.Max(1, Solver.TestInterval) == 0 || Step == TotalSteps)
                {
                    yield return Record(Progress(cancellationToken));
                }
            }

            yield return Finish(stopped ? TrainingStatus.Stopped : TrainingStatus.Completed, null, null);
        }
        finally
        {
            Control.Complete();
            while (Control.Reader.TryRead(out var left))
            {
                left.Done?.TrySetException(new InvalidOperationException("the run ended before the checkpoint"));
            }
        }
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _batcher.Dispose();
    }

    private void ThrowIfCancelled(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Outcome = BuildOutcome(TrainingStatus.Cancelled, "cancelled", null);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<TrainerCommand?> NextCommandAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Control.Reader.WaitToReadAsync(cancellationToken) && Control.Reader.TryRead(out var c) ? c : null;
        }
        catch (OperationCanceledException)
        {
            Outcome = BuildOutcome(TrainingStatus.Cancelled, "cancelled while paused", null);
            throw;
        }
    }

    private async Task<TrainingReport?> ApplyAsync(TrainerCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case "set":
                Solver = Solver.With(command.Name!, command.Value);
                return Event(command.Name!, command.Value);
            case "checkpoint":
                try
                {
                    await SaveCheckpointAsync(command.Destination!, cancellationToken);
                    command.Done!.TrySetResult();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
                {
                    command.Done!.TrySetException(e);
                }

                return Event("checkpoint", Step);
            default:
                return Event(command.Kind, null);
        }
    }

    private double TrainStep()
    {
        var start = Stopwatch.GetTimestamp();
        var positions = BatchPositions(Step);
        var rate = LearningRateSchedule.Rate(Solver, Step, TotalSteps);
        OptimizerFactory.Apply(_optimizer, _groups, Solver, rate);
        _model.SeedDropout(Seeds.Derive(_options.Seed, Step, stream: 3));
        using var scope = NewDisposeScope();
        var (x, y) = _batcher.Next(positions, new Random(Seeds.Derive(_options.Seed, Step, stream: 2)));
        var torchStart = Stopwatch.GetTimestamp();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(x), y);
        loss.backward();
        _optimizer.step();
        var torchEnd = Stopwatch.GetTimestamp();
        var value = loss.item<float>();
        if (_options.CollectTimings)
        {
            _torchTicks += torchEnd - torchStart;
            _stepTicks += Stopwatch.GetTimestamp() - start;
            _timedSteps++;
            _timedExamples += positions.Length;
        }

        return value;
    }

    private ReadOnlySpan<int> BatchPositions(int step)
    {
        var perEpoch = Solver.StepsPerEpoch(_train.Count);
        var epoch = step / perEpoch;
        if (epoch != _orderEpoch)
        {
            _order = Enumerable.Range(0, _train.Count).ToArray();
            new Random(Seeds.Derive(_options.Seed, epoch, stream: 1)).Shuffle(_order);
            _orderEpoch = epoch;
        }

        var start = step % perEpoch * Solver.BatchSize;
        return _order.AsSpan(start, Math.Min(Solver.BatchSize, _train.Count - start));
    }

    private TrainingReport Progress(CancellationToken cancellationToken)
    {
        var validation = _validation is null ? null : Evaluator.Evaluate(_model, _validation, _options.EvaluationBatchSize, cancellationToken);
        var report = new TrainingReport(ReportKind.Progress, Step, Epoch, CurrentRate, _lossCount > 0 ? _lossSum / _lossCount : null, validation);
        _lossSum = 0;
        _lossCount = 0;
        return report;
    }

    private TrainingReport Event(string name, double? value) =>
        new(ReportKind.Event, Step, Epoch, CurrentRate, EventName: name, EventValue: value);

    private TrainingReport Finish(TrainingStatus status, string? message, int? divergedAt)
    {
        var report = Record(new TrainingReport(ReportKind.Finished, Step, Epoch, CurrentRate, Status: status, Message: message));
        Outcome = BuildOutcome(status, message, divergedAt);
        return report;
    }

    private TrainingOutcome BuildOutcome(TrainingStatus status, string? message, int? divergedAt) =>
        new(status, _options.Seed, Step, divergedAt, _curve.LastOrDefault(r => r.Validation is not null)?.Validation, _curve.ToList(), message);

    private TrainingReport Record(TrainingReport report)
    {
        _curve.Add(report);
        return report;
    }

    private double Epoch => (double)Step / Solver.StepsPerEpoch(_train.Count);

    private double CurrentRate => LearningRateSchedule.Rate(Solver, Math.Max(0, Step - 1), TotalSteps);
}
