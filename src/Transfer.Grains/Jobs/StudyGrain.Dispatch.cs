using Microsoft.Extensions.Logging;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>Dispatching trials to workers, finishing the job, and the job view.</summary>
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

        await FinishIfDoneAsync();
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
        try
        {
            await Runner(trial).StartAsync(assignment);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // No worker took it; the lease check tries again (or fails the trial after MaxAttempts).
            LogDispatchFailed(logger, ex, JobId, trial.Number);
        }
    }

    private async Task FinishIfDoneAsync()
    {
        if (S.Trials.Any(t => t.IsActive) || S.FinishedAt is not null || (S.Status == JobStatus.Running && Engine.HasBudget(time.GetUtcNow())))
        {
            return;
        }

        S.FinishedAt = time.GetUtcNow();
        if (S.Status == JobStatus.Running)
        {
            S.Status = S.Trials.Any(t => t.Score is not null) ? JobStatus.Completed : JobStatus.Failed;
            S.Message ??= S.Status == JobStatus.Failed ? "no trial produced a score" : null;
        }

        if (Engine.Best() is { ModelBlob: { } blob } best)
        {
            var modelRef = artifacts.ModelRef(Tenant, JobId, "model");
            S.Ensemble = await BuildEnsembleAsync(modelRef);
            if (S.Ensemble is null)
            {
                await artifacts.CopyAsync(blob, modelRef);
            }

            S.ModelId = JobId;
            S.Message = $"best trial {best.Number}: {Engine.Metric} {best.Score:0.####}"
                + (S.Ensemble is { Members.Count: > 1 } e ? $"; registered an ensemble of trials {string.Join(", ", e.Members.Select(m => $"{m.Trial} ({m.Weight:0.##})"))}" : "");
        }

        Emit(JobEventKinds.JobFinished, Engine.Best(), best: Engine.BestScore(), message: $"{S.Status}: {S.Message}");
        foreach (var sink in outcomes)
        {
            try
            {
                await sink.RecordAsync(Tenant, JobId, S.Dataset!, [.. S.Trials.Where(t => !t.IsScratch).Select(t => t.ToInfo())]); // the scratch reference's score says nothing about its configuration with pretrained weights
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRecordFailed(logger, ex, JobId); // the knowledge base missing one job must not fail the job
            }
        }

        await StopLeasesAsync();
    }

    /// <summary>
    /// Writes the job's ensemble of its completed trials as its model (<see cref="JobEnsembleBuilder"/>); null when the job
    /// asks for none, or when it cannot be built (the best trial's model is then registered alone: a job never fails for
    /// want of an ensemble).
    /// </summary>
    private async Task<JobEnsemble?> BuildEnsembleAsync(string modelRef)
    {
        if (S.Request!.EnsembleSize <= 0)
        {
            return null;
        }

        try
        {
            var started = time.GetTimestamp();
            var ensemble = await new JobEnsembleBuilder(artifacts).BuildAsync(Tenant, JobId, Engine.CompletedRanked(), S.Request.EnsembleSize, byLoss: Engine.Metric == "loss", S.Request.Seed, modelRef);
            if (ensemble is not null)
            {
                LogEnsembleBuilt(logger, JobId, ensemble.Members.Count, ensemble.Candidates, time.GetElapsedTime(started).TotalMilliseconds);
            }

            return ensemble;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEnsembleFailed(logger, ex, JobId);
            return null;
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
            S.Plan?.Group);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: trial {Trial}'s worker stopped reporting (attempt {Attempt}); re-running it from its last checkpoint")]
    private static partial void LogLeaseLapsed(ILogger logger, string job, int trial, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not hand trial {Trial} to a worker")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string job, int trial);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: registered an ensemble of {Members} of its {Candidates} best trials, built in {Milliseconds:F0} ms (read, select, compose, write)")]
    private static partial void LogEnsembleBuilt(ILogger logger, string job, int members, int candidates, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not build its ensemble of trials; registering the best trial's model")]
    private static partial void LogEnsembleFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not record its trials in the knowledge base")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: trial {Trial} failed: {Message}")]
    private static partial void LogRetry(ILogger logger, string job, int trial, string? message);
}
