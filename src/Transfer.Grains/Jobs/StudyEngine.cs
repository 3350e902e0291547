using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Curves;
using Transfer.Search.Samplers;
using Transfer.Search.Schedulers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Grains.Jobs;

/// <summary>
/// The study's decisions, free of Orleans: which configuration to try next (the sampler, warm-started; the baseline
/// first), whether a reporting trial goes on (the scheduler, then the learning-curve judge), and what a finished trial
/// teaches the sampler. Rebuilt from the persisted state on every activation (samplers are driven by the history).
/// </summary>
public sealed class StudyEngine
{
    private readonly StudyState _state;
    private readonly ISampler _sampler;
    private readonly IScheduler _scheduler;
    private readonly EarlyStopPolicy _policy = new();
    private readonly HashSet<string> _enqueued;
    private readonly IReadOnlyList<double> _rungs;

    // Finished trials no longer change: their history records and the best trial are kept until a trial finishes or the
    // grain changes one by hand (Forget), so a report costs O(trials) references, not O(trials x curve) copies.
    private readonly Dictionary<int, TrialRecord> _finished = [];
    private TrialEntry? _best;
    private bool _bestKnown;

    public StudyEngine(StudyState state)
    {
        _state = state;
        var request = state.Request!;
        var space = SearchSpace.Create(state.Plan!.Space);
        var sampler = request.Sampler ?? new SamplerDefinition("tpe", request.Seed);
        if (request.UseKnowledgeBase && state.Plan.WarmStart is { } warm && sampler.WarmStart is null)
        {
            sampler = sampler with { WarmStart = warm };
        }

        _enqueued = (sampler.WarmStart?.Enqueued ?? []).Select(ConfigurationKey.Of).ToHashSet(StringComparer.Ordinal);
        _sampler = SamplerFactory.Create(sampler, space);
        if (state.SamplerSnapshot is { } snapshot)
        {
            _sampler.Restore(new SamplerSnapshot(_sampler.Name, snapshot));
        }

        _scheduler = SchedulerFactory.Create(request.Scheduler ?? new SchedulerDefinition("asha", MinBudget: 1, MaxBudget: request.MaxEpochs, ReductionFactor: 4));
        _rungs = _scheduler is AshaScheduler asha ? asha.RungBudgets : [];
    }

    public bool Maximize => _state.Request!.Objective?.Maximizes ?? true;

    public string Metric => _state.Request!.Objective?.Metric ?? "accuracy";

    /// <summary>Whether a new trial may start: trials, wall time and device time left (<see cref="JobBudget"/>).</summary>
    public bool HasBudget(DateTimeOffset now) =>
        _state.Trials.Count < _state.TrialBudget
        && (_state.Deadline is null || now < _state.Deadline)
        && (_state.DeviceSecondsBudget is not { } device || DeviceSecondsUsed(now) < device);

    /// <summary>The device time all trials have held by <paramref name="now"/>, in seconds (<see cref="TrialEntry.DeviceSecondsAt"/>).</summary>
    public double DeviceSecondsUsed(DateTimeOffset now) => _state.Trials.Sum(t => t.DeviceSecondsAt(now));

    /// <summary>
    /// Adds the next trial (queued): the baseline configuration first, then the sampler's proposals. The from-scratch
    /// reference (when planned) teaches the search nothing, so it takes the last trial of a trial budget (the search's
    /// trials come first and a job stopped early loses only the reference); without a trial budget it runs second.
    /// </summary>
    public TrialEntry NewTrial()
    {
        var number = _state.Trials.Count;
        var baseline = number == 0;
        var scratch = !baseline && _state.Plan!.ScratchReference
            && (_state.TrialBudget == int.MaxValue ? number == 1 : number >= _state.TrialBudget - 1)
            && !_state.Trials.Any(t => t.IsScratch);
        var configuration = baseline
            ? _state.Plan!.BaselineConfiguration
            : scratch
                ? ScratchConfiguration(_state.Plan!.BaselineConfiguration)
                : _sampler.Ask(_scheduler.SamplerView(History()));
        var entry = new TrialEntry
        {
            Number = number,
            Configuration = new Dictionary<string, ParameterValue>(configuration),
            Status = TrialStatus.Queued,
            Seed = _state.Request!.Seed + number,
            IsBaseline = baseline,
            IsScratch = scratch,
            IsWarmStart = !baseline && !scratch && _enqueued.Count > 0 && _enqueued.Contains(ConfigurationKey.Of(configuration)),
            Folds = Math.Max(1, _state.Plan!.Folds),
        };
        _state.Trials.Add(entry);
        return entry;
    }

    /// <summary>
    /// Records a report and decides: the scheduler's rung test, then the judge (divergence, hopeless forecast). A trial
    /// below a rung's cut-off goes on when the judge sees it still improving towards at least the job's best (a rung
    /// compares values at one budget; the judge reads the slope, which is what tells a slow starter from a poor one).
    /// A warm-start configuration (enqueued from the knowledge base or by the user) is not pruned by a rung: it comes with
    /// full-length evidence from similar datasets that one noisy early value does not outweigh; the judge still watches it.
    /// At the last of several rungs the cut alone stops nothing and the judge decides: a trial there has passed every earlier
    /// cut, a stop saves the least of it, and one report (a dip included) is weaker evidence than the forecast from its curve.
    /// </summary>
    public TrialVerdict Report(TrialEntry trial, CurveSample sample, int classes)
    {
        trial.Curve.Add(sample);
        trial.Steps = sample.Step;
        if (Objective(sample) is not { } value)
        {
            return TrialVerdict.Continue;
        }

        trial.Score = value;
        var decision = trial.IsScratch || trial.IsWarmStart
            ? SchedulerDecision.Continue
            : _scheduler.Report(History(), trial.Number, new IntermediateReport(sample.Epoch, value, StandardError(value)));
        var totalSteps = sample.Epoch > 0 ? (int)Math.Round(sample.Step / sample.Epoch * _state.Request!.MaxEpochs) : sample.Step;
        var curve = new LearningCurve(
            [.. trial.Curve.Select(c => new CurvePoint(c.Step, c.TrainLoss ?? double.NaN, c.ValidationLoss, c.ValidationAccuracy))],
            Math.Max(totalSteps, sample.Step),
            classes > 1 ? Math.Log(classes) : null);
        var best = Metric == "accuracy" && Maximize ? BestScore() : null;
        var early = _policy.Decide(curve, best, best is { } b ? StandardError(b) : 0);
        trial.Judgement = early.Judgement;
        if (decision == SchedulerDecision.Stop && !AtLastRung(trial) && !EarlyStopPolicy.ForecastReaches(early.Judgement, best))
        {
            return new TrialVerdict(true, $"pruned by {_scheduler.Name} at epoch {sample.Epoch:0.##}: below the rung's cut-off");
        }

        return early.Stop && !trial.IsScratch ? new TrialVerdict(true, $"stopped early by the judge: {early.Reason}") : TrialVerdict.Continue;
    }

    /// <summary>
    /// The measurement noise of a validation accuracy: sqrt(p(1 - p) / n) over the examples it was measured on (k-fold:
    /// every non-test example once; holdout: the validation split). 0 for other metrics or when the dataset is unknown.
    /// </summary>
    public double StandardError(double value)
    {
        if (Metric != "accuracy" || _state.Dataset is not { } dataset || value is < 0 or > 1)
        {
            return 0;
        }

        var n = TorchTrialExecutor.ValidationEstimate(dataset.Schema.Examples, _state.Plan!.Folds);
        return Math.Sqrt(Math.Max(value * (1 - value), 1.0 / n) / n);
    }

    /// <summary>Records how a trial ended and tells the sampler.</summary>
    public void Finish(TrialEntry trial, TrialResult result, DateTimeOffset now)
    {
        trial.Status = result.Status;
        trial.FinishedAt = now;
        trial.EndAttempt(now);
        trial.TestScore = result.TestAccuracy;
        trial.ModelBlob = result.ModelBlob;
        trial.ModelTrainExamples = result.ModelTrainExamples;
        trial.ModelMembers = result.ModelMembers;
        trial.Steps = Math.Max(trial.Steps, result.Steps);
        var final = Metric == "loss" ? result.ValidationLoss : result.ValidationAccuracy;
        trial.Score = final ?? trial.Score;
        trial.Folds = Math.Max(trial.Folds, result.Folds);
        trial.ScoreStd = Metric == "loss" ? result.ValidationLossStd : result.ValidationAccuracyStd;
        if (result.Status is TrialStatus.Failed or TrialStatus.Pruned or TrialStatus.Stopped && result.Message is not null)
        {
            trial.StopReason ??= result.Message;
        }

        Forget(trial);
        if (trial.IsScratch)
        {
            return; // a reference run outside the search: the sampler never hears of it
        }

        var record = Record(trial);
        _sampler.Tell(History(), record);
        _state.SamplerSnapshot = _sampler.Snapshot().StateJson;
    }

    /// <summary>The best trial of the search (never the from-scratch reference): fully trained ones first, then any with a score.</summary>
    public TrialEntry? Best()
    {
        if (!_bestKnown)
        {
            _best = Ranked(_state.Trials.Where(t => t.Status == TrialStatus.Completed && t.Score is not null && !t.IsScratch)).FirstOrDefault()
                ?? Ranked(_state.Trials.Where(t => t.Score is not null && !t.IsActive && !t.IsScratch)).FirstOrDefault();
            _bestKnown = true;
        }

        return _best;
    }

    /// <summary>The winner against the baseline and the from-scratch reference, once they have finished.</summary>
    public JobReport Report() => new(
        Math.Max(1, _state.Plan!.Folds),
        Best()?.Summary(),
        _state.Trials.FirstOrDefault(t => t.IsBaseline && !t.IsActive)?.Summary(),
        _state.Trials.FirstOrDefault(t => t.IsScratch && !t.IsActive)?.Summary(),
        _state.Ensemble);

    /// <summary>The completed trials with a score and a model, best first: what a job's ensemble is chosen from (never the scratch reference).</summary>
    public IReadOnlyList<TrialEntry> CompletedRanked() =>
        [.. Ranked(_state.Trials.Where(t => t.Status == TrialStatus.Completed && t.Score is not null && t.ModelBlob is not null && !t.IsScratch))];

    /// <summary>Drops what the engine remembers of a trial the grain changed directly (re-queued, stopped before it ran).</summary>
    public void Forget(TrialEntry trial)
    {
        _finished.Remove(trial.Number);
        _bestKnown = false;
    }

    public double? BestScore() => Best()?.Score;

    /// <summary>Share of the planned training steps that early stopping saved, over finished trials.</summary>
    public double StepsSavedShare()
    {
        double planned = 0, done = 0;
        foreach (var t in _state.Trials.Where(t => !t.IsActive && t.Curve.Count > 0 && t.Curve[^1].Epoch > 0))
        {
            var last = t.Curve[^1];
            planned += last.Step / last.Epoch * _state.Request!.MaxEpochs;
            done += t.Steps;
        }

        return planned > 0 ? Math.Max(0, 1 - (done / planned)) : 0;
    }

    public TrialHistory History() =>
        new([.. _state.Trials.Select(Cached)], Maximize ? StudyDirection.Maximize : StudyDirection.Minimize);

    private TrialRecord Cached(TrialEntry trial)
    {
        if (trial.IsActive)
        {
            return Record(trial);
        }

        if (!_finished.TryGetValue(trial.Number, out var record))
        {
            _finished[trial.Number] = record = Record(trial);
        }

        return record;
    }

    private IEnumerable<TrialEntry> Ranked(IEnumerable<TrialEntry> trials) =>
        Maximize ? trials.OrderByDescending(t => t.Score).ThenBy(t => t.Number) : trials.OrderBy(t => t.Score).ThenBy(t => t.Number);

    /// <summary>Whether the trial's latest report is the one the scheduler tests at the last of its (at least two) rungs.</summary>
    private bool AtLastRung(TrialEntry trial)
    {
        if (_rungs.Count < 2)
        {
            return false;
        }

        var reported = trial.Curve.Where(c => Objective(c) is not null).Select(c => c.Epoch).ToList();
        var previous = reported.Count > 1 ? reported[^2] : double.NegativeInfinity;
        return _rungs.FirstOrDefault(r => previous < r * (1 - 1e-9) && reported[^1] >= r * (1 - 1e-9)) == _rungs[^1];
    }

    private double? Objective(CurveSample sample) => Metric == "loss" ? sample.ValidationLoss : sample.ValidationAccuracy;

    /// <summary>The baseline's configuration with nothing frozen (there are no pretrained weights to keep).</summary>
    private static Dictionary<string, ParameterValue> ScratchConfiguration(IReadOnlyDictionary<string, ParameterValue> baseline) =>
        baseline.ToDictionary(kv => kv.Key, kv => kv.Key == "frozen_blocks" ? ParameterValue.Of(0) : kv.Value);

    // The scratch reference shows to samplers and schedulers as a failed trial without a curve: it holds its number, nothing more.
    private TrialRecord Record(TrialEntry t) => t.IsScratch ? new(t.Number, t.Configuration, TrialState.Failed, null, [], _state.Request!.MaxEpochs) : new(
        t.Number,
        t.Configuration,
        t.Status switch
        {
            TrialStatus.Completed => TrialState.Complete,
            TrialStatus.Pruned or TrialStatus.Stopped => TrialState.Pruned,
            TrialStatus.Failed => TrialState.Failed,
            _ => TrialState.Pending,
        },
        t.Score,
        [.. t.Curve.Where(c => Objective(c) is not null).Select(c => new IntermediateReport(c.Epoch, Objective(c)!.Value))],
        _state.Request!.MaxEpochs);
}
