using Microsoft.Extensions.Logging;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Finishing the job. Once its trials have all ended, and its budget is spent or it was stopped, the job registers its
/// model (the ensemble of its trials, or the best trial's model, written to blob storage) and records its trials in the
/// knowledge base. That work reads and writes models and can take a while, so it runs off the grain, which keeps answering
/// meanwhile (no grain call waits on it: not the last trial's runner, not a user's stop). Its result comes back through
/// <see cref="ModelRegisteredAsync"/>, and only then does the job finish (<see cref="StudyState.FinishedAt"/>, and
/// "completed" for a job that ran its budget). A registration that fails, or is lost with its silo, is begun again by the
/// lease reminder or the next activation, since the persisted state says the job is finishing; an extension or a re-run of
/// failed trials that arrives meanwhile abandons it.
/// </summary>
public sealed partial class StudyGrain
{
    /// <summary>The registration in flight on this activation (one writes the model at a time); completed when none is.</summary>
    private Task _registering = Task.CompletedTask;

    private void FinishIfDone()
    {
        if (S.Trials.Any(t => t.IsActive) || S.FinishedAt is not null || S.FinishingEvent is not null || (S.Status == JobStatus.Running && Engine.HasBudget(time.GetUtcNow())))
        {
            return;
        }

        if (S.Status == JobStatus.Running)
        {
            S.Message = "all trials have ended; registering the model";
        }

        Emit(JobEventKinds.JobFinishing, Engine.Best(), best: Engine.BestScore(), message: "registering the model");
        S.FinishingEvent = S.LastEventId;
        BeginRegistering();
    }

    /// <summary>An extension or a re-run makes the job run again: a registration under way no longer counts.</summary>
    private void AbandonRegistration() => S.FinishingEvent = null;

    /// <summary>Starts registering the model off the grain, after any registration still writing on this activation.</summary>
    private void BeginRegistering()
    {
        var finishingEvent = S.FinishingEvent!.Value;
        var self = this.AsReference<IStudyGrain>();
        var (tenant, job, dataset) = (Tenant, JobId, S.Dataset!);
        var bestModel = Engine.Best()?.ModelBlob;
        var ranked = Engine.CompletedRanked();
        // The scratch reference's score says nothing about its configuration with pretrained weights.
        TrialInfo[] trials = [.. S.Trials.Where(t => !t.IsScratch).Select(t => t.ToInfo())];
        var (size, byLoss, seed) = (S.Request!.EnsembleSize, Engine.Metric == "loss", S.Request.Seed);
        var previous = _registering;
        _registering = Task.Run(async () =>
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext); // on the thread pool here: there is no grain context to capture
            var registration = await RegisterAsync(tenant, job, dataset, bestModel, ranked, trials, size, byLoss, seed);
            try
            {
                await self.ModelRegisteredAsync(finishingEvent, registration);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRegisteredLost(logger, ex, job); // the job stays finishing: the lease reminder begins it again
            }
        });
    }

    /// <inheritdoc/>
    public async Task ModelRegisteredAsync(long finishingEvent, JobRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (!state.RecordExists || S.FinishingEvent != finishingEvent)
        {
            return; // deleted, extended or re-run meanwhile
        }

        if (registration.Error is { } error)
        {
            S.Message = $"could not register the model ({error}); trying again within a minute";
            await this.RegisterOrUpdateReminder(LeaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await SaveAsync();
            return;
        }

        var best = Engine.Best();
        S.FinishingEvent = null;
        S.FinishedAt = time.GetUtcNow();
        if (S.Status == JobStatus.Running)
        {
            S.Status = S.Trials.Any(t => t.Score is not null) ? JobStatus.Completed : JobStatus.Failed;
            S.Message = S.Status == JobStatus.Failed ? "no trial produced a score" : null;
        }

        if (best is { ModelBlob: not null }) // what RegisterAsync wrote: the trials cannot change while the job finishes
        {
            S.Ensemble = registration.Ensemble;
            S.ModelId = JobId;
            S.Message = $"best trial {best.Number}: {Engine.Metric} {best.Score:0.####}"
                + (S.Ensemble is { Members.Count: > 1 } e ? $"; registered an ensemble of trials {string.Join(", ", e.Members.Select(m => $"{m.Trial} ({m.Weight:0.##})"))}" : "");
        }

        Emit(JobEventKinds.JobFinished, best, best: Engine.BestScore(), message: $"{S.Status}: {S.Message}");
        await StopLeasesAsync();
        await SaveAsync();
    }

    /// <summary>
    /// Writes the job's model (off the grain: it touches no grain state) and records its trials in the knowledge base. The
    /// model is the ensemble of its completed trials (<see cref="JobEnsembleBuilder"/>) unless the job asks for none or it
    /// cannot be built; then the best trial's model alone (a job never fails for want of an ensemble).
    /// </summary>
    private async Task<JobRegistration> RegisterAsync(string tenant, string job, DatasetInfo dataset, string? bestModel, IReadOnlyList<TrialEntry> ranked, TrialInfo[] trials, int size, bool byLoss, int seed)
    {
        JobEnsemble? ensemble = null;
        if (bestModel is not null)
        {
            var modelRef = artifacts.ModelRef(tenant, job, "model");
            ensemble = size > 0 ? await BuildEnsembleAsync(tenant, job, ranked, size, byLoss, seed, modelRef) : null;
            try
            {
                if (ensemble is null)
                {
                    await artifacts.CopyAsync(bestModel, modelRef);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRegisterFailed(logger, ex, job);
                return new JobRegistration(null, $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        foreach (var sink in outcomes)
        {
            try
            {
                await sink.RecordAsync(tenant, job, dataset, trials);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRecordFailed(logger, ex, job); // the knowledge base missing one job must not fail the job
            }
        }

        return new JobRegistration(ensemble, null);
    }

    private async Task<JobEnsemble?> BuildEnsembleAsync(string tenant, string job, IReadOnlyList<TrialEntry> ranked, int size, bool byLoss, int seed, string modelRef)
    {
        try
        {
            var started = time.GetTimestamp();
            var ensemble = await new JobEnsembleBuilder(artifacts).BuildAsync(tenant, job, ranked, size, byLoss, seed, modelRef);
            if (ensemble is not null)
            {
                LogEnsembleBuilt(logger, job, ensemble.Members.Count, ensemble.Candidates, time.GetElapsedTime(started).TotalMilliseconds);
            }

            return ensemble;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEnsembleFailed(logger, ex, job);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: registered an ensemble of {Members} of its {Candidates} best trials, built in {Milliseconds:F0} ms (read, select, compose, write)")]
    private static partial void LogEnsembleBuilt(ILogger logger, string job, int members, int candidates, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not build its ensemble of trials; registering the best trial's model")]
    private static partial void LogEnsembleFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not register its model; the lease reminder tries again")]
    private static partial void LogRegisterFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: the result of registering its model did not reach the study; the lease reminder begins it again")]
    private static partial void LogRegisteredLost(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: could not record its trials in the knowledge base")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string job);
}
