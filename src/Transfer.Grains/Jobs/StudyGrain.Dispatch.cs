using Microsoft.Extensions.Logging;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>Dispatching trials to workers, events, persistence and the job view.</summary>
public sealed partial class StudyGrain
{
    private async Task FillSlotsAsync()
    {
        var now = time.GetUtcNow();
        var parallelism = Math.Max(1, S.Request!.Parallelism);
        while (S.Status == JobStatus.Running && S.Trials.Count(t => t.IsActive) < parallelism && Engine.HasBudget(now))
        {
            var trial = Engine.NewTrial();
            Emit(JobEventKinds.TrialQueued, trial, message: trial.IsBaseline ? "baseline: the benchmark's default configuration" : trial.IsScratch ? "reference: the default configuration from scratch" : null);
            await DispatchAsync(trial, resume: false);
        }

        FinishIfDone();
        await SaveAsync();
    }

    private async Task DispatchAsync(TrialEntry trial, bool resume)
    {
        var now = time.GetUtcNow();
        trial.Attempts++;
        trial.LastHeartbeat = now;
        trial.EndAttempt(now); // a lapsed attempt held its device until now
        trial.AttemptStartedAt = now;
        var dataset = S.Dataset!;
        var trainEstimate = TorchTrialExecutor.TrainEstimate(dataset.Schema.Examples, S.Plan!.Folds);
        var stepsPerEpoch = TrialConfigurationMapper.StepsPerEpoch(trial.Configuration, trainEstimate);
        var assignment = new TrialAssignment(
            Tenant,
            JobId,
            trial.Number,
            trial.Attempts,
            dataset,
            TrialConfigurationMapper.Model(S.Plan!.BaseModel, trial.Configuration),
            TrialConfigurationMapper.Solver(trial.Configuration, S.Request!.MaxEpochs, stepsPerEpoch),
            trial.Configuration,
            trial.Seed,
            trial.IsScratch ? null : S.Plan.BenchmarkModelBlob,
            resume ? artifacts.CheckpointRef(Tenant, JobId, trial.Number, "checkpoint") : null,
            S.Request.Seed,
            S.Plan.Folds,
            S.Request.Validation?.FoldModel ?? JobValidation.Ensemble);
        // One-way: it returns at once and never fails here; a start that is lost is a lease that lapses, and the lease check
        // tries again (or fails the trial after MaxAttempts). The runner keeps commands that arrive before its trainers.
        var runner = Runner(trial);
        await runner.StartAsync(assignment);
        foreach (var (name, value) in trial.SolverOverrides)
        {
            await runner.CommandAsync(new TrialCommand(name, value)); // what the user steered an earlier attempt to
        }
    }

    private void Emit(string kind, TrialEntry? trial, CurveSample? sample = null, Transfer.Contracts.Curves.CurveJudgement? judgement = null, double? best = null, string? message = null)
    {
        // The recent events live in memory (ids are persisted and keep counting): a client that resumes from an id older
        // than the buffer, or across a silo restart, re-reads the trials instead.
        const int Cap = 10_000;
        _events.Add(new JobEvent(++S.LastEventId, kind, time.GetUtcNow(), trial?.Number, trial?.Status, sample, judgement, best, message));
        if (_events.Count > Cap)
        {
            _events.RemoveRange(0, _events.Count - Cap);
        }
    }

    private ITrialRunnerGrain Runner(TrialEntry trial) =>
        GrainFactory.GetGrain<ITrialRunnerGrain>($"{Tenant}/{JobId}/{trial.Number}/{trial.Attempts}");

    private void StartLeaseTimer()
    {
        var period = TimeSpan.FromSeconds(options.Value.LeaseCheckSeconds);
        _leaseTimer ??= this.RegisterGrainTimer(_ => CheckLeasesAsync(), new GrainTimerCreationOptions(period, period) { Interleave = false });
    }

    private async Task StopLeasesAsync()
    {
        _leaseTimer?.Dispose();
        _leaseTimer = null;
        if (await this.GetReminder(LeaseReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Persists the state. Every state transition is written at once; curve reports and verdicts (<paramref name="coalesce"/>)
    /// at most once a second — a report lost with a silo is re-measured when the trial re-runs from its checkpoint — and
    /// the lease timer flushes whatever is still unwritten. Trials that finished are archived first (StudyGrain.Archive).
    /// </summary>
    private async Task SaveAsync(bool coalesce = false)
    {
        var now = time.GetUtcNow();
        S.UpdatedAt = now;
        if (coalesce && now - _lastWrite < TimeSpan.FromSeconds(1))
        {
            _dirty = true;
            return;
        }

        await ArchiveFinishedAsync();
        (S.TrialCount, S.OpenTrials) = (S.Trials.Count, [.. S.Trials.Where(t => !t.Archived)]);
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            S.OpenTrials = null;
        }

        (_lastWrite, _dirty) = (now, false);
    }

    private async Task FlushAsync()
    {
        if (_dirty)
        {
            await SaveAsync();
        }
    }

    private JobInfo Info()
    {
        var best = Engine.Best();
        var baseline = S.Trials.FirstOrDefault(t => t.IsBaseline);
        return new JobInfo(
            JobId,
            S.Dataset!.Id,
            S.Status,
            S.Request!,
            S.Trials.Count,
            S.Trials.Count(t => !t.IsActive),
            best?.Number,
            best?.Score,
            baseline is { IsActive: false } ? baseline.Score : null,
            S.Status == JobStatus.Running ? null : S.Ensemble?.TestScore ?? best?.TestScore,
            S.ModelId,
            S.Message,
            Engine.StepsSavedShare(),
            S.CreatedAt,
            S.UpdatedAt,
            Engine.Report(),
            Engine.DeviceSecondsUsed(time.GetUtcNow()) / 3600,
            S.Deadline,
            S.Plan?.BenchmarkModelId,
            S.Plan?.Group,
            S.FinishedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: trial {Trial}'s worker stopped reporting (attempt {Attempt}); re-running it from its last checkpoint")]
    private static partial void LogLeaseLapsed(ILogger logger, string job, int trial, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: trial {Trial}'s worker stopped reporting after it was asked to stop ({Reason}); it ends with its last measured values")]
    private static partial void LogEndedWithoutWorker(ILogger logger, string job, int trial, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: trial {Trial} failed: {Message}")]
    private static partial void LogRetry(ILogger logger, string job, int trial, string? message);
}
