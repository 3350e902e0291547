using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Storage;

namespace Transfer.Grains.Jobs;

/// <inheritdoc cref="IStudyGrain"/>
public sealed partial class StudyGrain(
    [PersistentState("study", GrainStorage.Default)] IPersistentState<StudyState> state,
    ArtifactStore artifacts,
    IEnumerable<IJobOutcomeSink> outcomes,
    TimeProvider time,
    IOptions<JobOptions> options,
    ILogger<StudyGrain> logger) : Grain, IStudyGrain, IRemindable
{
    private const string LeaseReminder = "study-leases";
    private StudyEngine? _engine;
    private IGrainTimer? _leaseTimer;
    private readonly List<JobEvent> _events = [];
    private DateTimeOffset _lastWrite;
    private bool _dirty;

    private StudyState S => state.State;

    /// <summary>Leases are watched while the job runs, and after it stopped until every trial has ended.</summary>
    private bool WatchesLeases => S.Status == JobStatus.Running || S.Trials.Any(t => t.IsActive);

    private StudyEngine Engine => _engine ??= new StudyEngine(S);

    private string Tenant => this.GetPrimaryKeyString().Split('/')[0];

    private string JobId => this.GetPrimaryKeyString().Split('/')[1];

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            await FlushAsync();
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            await LoadArchiveAsync();
        }

        if (state.RecordExists && WatchesLeases)
        {
            // The leases start again: a runner that outlived the last activation (its silo died, not the runner's) gets a
            // whole lease to reach this one before its trial is re-run.
            var now = time.GetUtcNow();
            foreach (var trial in S.Trials.Where(t => t.IsActive))
            {
                trial.LastHeartbeat = now;
            }

            StartLeaseTimer();
        }

        if (state.RecordExists && S.FinishingEvent is not null)
        {
            BeginRegistering(); // the registration under way was lost with the last activation
        }
    }

    public async Task<JobInfo> StartAsync(CreateJobRequest request, DatasetInfo dataset, StudyPlan plan)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Job '{JobId}' already exists.");
        }

        var now = time.GetUtcNow();
        state.State = new StudyState
        {
            Request = request,
            Dataset = dataset,
            Plan = plan,
            Status = JobStatus.Running,
            TrialBudget = request.Budget?.Trials ?? int.MaxValue,
            Deadline = request.Budget?.WallTimeSeconds is { } s ? now.AddSeconds(s) : null,
            DeviceSecondsBudget = request.Budget?.DeviceHours * 3600,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _engine = new StudyEngine(S);
        await StoreDefinitionAsync();
        await this.RegisterOrUpdateReminder(LeaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartLeaseTimer();
        await FillSlotsAsync();
        return Info();
    }

    public Task<JobInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    public Task<IReadOnlyList<TrialInfo>> GetTrialsAsync() =>
        Task.FromResult<IReadOnlyList<TrialInfo>>(state.RecordExists ? [.. S.Trials.Select(t => t.ToInfo())] : []);

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(long afterId, int max) =>
        Task.FromResult<IReadOnlyList<JobEvent>>(state.RecordExists ? [.. _events.Where(e => e.Id > afterId).Take(Math.Clamp(max, 1, 1000))] : []);

    public Task<bool> HeartbeatAsync(int trial, int attempt)
    {
        if (!state.RecordExists || trial >= S.Trials.Count || S.Trials[trial] is not { IsActive: true } entry || entry.Attempts != attempt)
        {
            return Task.FromResult(false);
        }

        entry.LastHeartbeat = time.GetUtcNow(); // not persisted: after a restart the lease simply starts again
        return Task.FromResult(true);
    }

    public async Task<TrialVerdict> ReportAsync(int trial, int attempt, CurveSample sample)
    {
        if (!state.RecordExists || trial >= S.Trials.Count || S.Trials[trial] is not { IsActive: true } entry || entry.Attempts != attempt)
        {
            return new TrialVerdict(true, "this attempt is no longer current");
        }

        var now = time.GetUtcNow();
        if (entry.Curve.Count > 0 && entry.Curve[^1] == sample)
        {
            // The runner tried the report again because its answer was lost (StudyCallPolicy): it counts once.
            entry.LastHeartbeat = now;
            return entry.StopReason is { } reason ? new TrialVerdict(true, reason) : TrialVerdict.Continue;
        }

        if (entry.Status == TrialStatus.Queued)
        {
            entry.Status = TrialStatus.Running;
            Emit(JobEventKinds.TrialStarted, entry);
        }

        entry.StartedAt ??= now;
        entry.LastHeartbeat = now;
        var verdict = S.Status == JobStatus.Running
            ? Engine.Report(entry, sample, S.Dataset!.Schema.Classes.Count)
            : new TrialVerdict(true, "the job was stopped");
        Emit(JobEventKinds.TrialReported, entry, sample: sample, judgement: entry.Judgement);
        if (verdict.Stop)
        {
            entry.StopReason ??= verdict.Reason;
            Emit(JobEventKinds.TrialStopping, entry, message: verdict.Reason);
        }

        // A stop verdict is not a state transition (the trial stays running until its runner says how it ended): it is
        // written with the next write like any report. Lost with the study's silo, the re-run trial is judged again; if the
        // runner's silo dies instead, the lapsed lease ends the trial as the verdict said (CheckLeasesAsync).
        await SaveAsync(coalesce: true);
        return verdict;
    }

    public async Task CompleteTrialAsync(int trial, int attempt, TrialResult result)
    {
        if (!state.RecordExists || trial >= S.Trials.Count || S.Trials[trial] is not { IsActive: true } entry || entry.Attempts != attempt)
        {
            return;
        }

        if (result.Status == TrialStatus.Failed && entry.Attempts < options.Value.MaxAttempts && S.Status == JobStatus.Running && result.Steps == 0 && result.Message?.Contains("diverged", StringComparison.Ordinal) != true)
        {
            LogRetry(logger, JobId, trial, result.Message);
        }

        if (entry.StopRequested && result.Status == TrialStatus.Pruned)
        {
            result = result with { Status = TrialStatus.Stopped }; // the runner heard the user's or the job's stop as a report's verdict
        }

        var best = Engine.BestScore();
        Engine.Finish(entry, result, time.GetUtcNow());
        Emit(entry.Status == TrialStatus.Failed ? JobEventKinds.TrialFailed : JobEventKinds.TrialFinished, entry, message: entry.StopReason);
        if (Engine.BestScore() is { } now && now != best)
        {
            Emit(JobEventKinds.BestSoFar, Engine.Best(), best: now);
        }

        await FillSlotsAsync();
    }

    public async Task<JobInfo?> StopAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        if (S.Status == JobStatus.Running && S.FinishingEvent is null) // a finishing job has nothing left to stop
        {
            S.Status = JobStatus.Stopped;
            S.Message = "stopped by a user";
            foreach (var trial in S.Trials.Where(t => t.IsActive))
            {
                trial.RequestStop("the job was stopped");
                await Runner(trial).CommandAsync(new TrialCommand("stop"));
                if (trial.Status == TrialStatus.Queued && trial.Curve.Count == 0)
                {
                    trial.Status = TrialStatus.Stopped;
                    trial.FinishedAt = time.GetUtcNow();
                    trial.EndAttempt(trial.FinishedAt.Value);
                    Engine.Forget(trial);
                }
            }

            FinishIfDone();
            await SaveAsync();
        }

        return Info();
    }

    public async Task<JobInfo?> ExtendAsync(ExtendJobRequest extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!state.RecordExists)
        {
            return null;
        }

        // The extension is the budget from now on (see ExtendJobRequest); a limit it leaves out is lifted. A finished job
        // gets its more trials on top of those it ran, however it ended; a running one on top of its trial budget.
        var now = time.GetUtcNow();
        AbandonRegistration();
        S.TrialBudget = extension.AdditionalTrials is { } more
            ? checked((S.Status == JobStatus.Running && S.TrialBudget != int.MaxValue ? Math.Max(S.TrialBudget, S.Trials.Count) : S.Trials.Count) + more)
            : int.MaxValue;
        S.Deadline = extension.WallTimeSeconds is { } seconds ? now.AddSeconds(seconds) : null;
        S.DeviceSecondsBudget = extension.DeviceHours is { } hours ? Engine.DeviceSecondsUsed(now) + (hours * 3600) : null;
        // The request shows the budget in force, as JobBudget reads it: all trials, wall time from this extension, all device time.
        S.Request = S.Request! with { Budget = new JobBudget(S.TrialBudget == int.MaxValue ? null : S.TrialBudget, extension.WallTimeSeconds, S.DeviceSecondsBudget / 3600) };
        S.FinishedAt = null;
        if (S.Status != JobStatus.Running)
        {
            S.Status = JobStatus.Running;
            S.Message = "extended: " + string.Join(", ", new[]
            {
                extension.AdditionalTrials is { } n ? $"{n} more trial(s)" : null,
                extension.WallTimeSeconds is { } s ? FormattableString.Invariant($"{s:0.#} s more wall time") : null,
                extension.DeviceHours is { } h ? FormattableString.Invariant($"{h:0.###} more device-hours") : null,
            }.OfType<string>());
            await this.RegisterOrUpdateReminder(LeaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            StartLeaseTimer();
        }

        await FillSlotsAsync();
        return Info();
    }

    public async Task<JobInfo?> RerunFailedAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var failed = S.Trials.Where(t => t.Status == TrialStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            AbandonRegistration();
        }

        if (failed.Count > 0 && S.Status != JobStatus.Running)
        {
            S.Status = JobStatus.Running;
            S.FinishedAt = null;
            await this.RegisterOrUpdateReminder(LeaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            StartLeaseTimer();
        }

        foreach (var trial in failed)
        {
            trial.Status = TrialStatus.Queued;
            trial.StopReason = null;
            trial.SolverOverrides.Clear(); // a re-run starts over from its configuration
            trial.Curve.Clear();
            trial.Archived = false;
            trial.FinishedAt = null;
            Engine.Forget(trial);
            await DispatchAsync(trial, resume: false);
        }

        await SaveAsync();
        return Info();
    }

    public async Task<bool> CommandTrialAsync(int trial, TrialCommand command)
    {
        if (!state.RecordExists || trial >= S.Trials.Count || !S.Trials[trial].IsActive)
        {
            return false;
        }

        var entry = S.Trials[trial];
        if (command.Name == "stop")
        {
            entry.RequestStop("stopped by a user");
        }
        else if (command.Name is "pause" or "resume")
        {
            entry.Status = command.Name == "pause" ? TrialStatus.Paused : TrialStatus.Running;
        }
        else if (command.Value is { } value)
        {
            entry.SolverOverrides[command.Name] = value;
        }

        Emit(
            command.Name switch
            {
                "stop" => JobEventKinds.TrialStopping,
                "pause" => JobEventKinds.TrialPaused,
                "resume" => JobEventKinds.TrialResumed,
                _ => JobEventKinds.TrialChanged,
            },
            entry,
            message: command.Value is { } v ? $"{command.Name}={v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : command.Name);

        await Runner(entry).CommandAsync(command);
        await SaveAsync();
        return true;
    }

    public async Task<bool> DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return false;
        }

        foreach (var trial in S.Trials.Where(t => t.IsActive))
        {
            await Runner(trial).CommandAsync(new TrialCommand("stop"));
        }

        await StopLeasesAsync();
        await DeleteArchiveAsync();
        await artifacts.DeletePrefixAsync(artifacts.CheckpointRef(Tenant, JobId, 0, string.Empty)[..^3]);
        await state.ClearStateAsync();
        state.State = new StudyState();
        _engine = null;
        DeactivateOnIdle();
        return true;
    }

    public async Task CheckLeasesAsync()
    {
        if (!state.RecordExists || !WatchesLeases)
        {
            return;
        }

        await FlushAsync();

        var now = time.GetUtcNow();
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        // A paused trial is not re-run while it waits (its runner keeps beating while it lives); one asked to stop is ended.
        foreach (var trial in S.Trials.Where(t => t.IsActive && (t.Status != TrialStatus.Paused || t.StopReason is not null) && t.LastHeartbeat is { } beat && now - beat > lease))
        {
            if (trial.StopReason is { } reason)
            {
                // Its worker died after the stop (a user's, the job's or the scheduler's) and before it said how the trial
                // ended: it ends now, as it would have, with its last measured values, instead of running again.
                LogEndedWithoutWorker(logger, JobId, trial.Number, reason);
                Engine.Finish(trial, new TrialResult(trial.StopRequested ? TrialStatus.Stopped : TrialStatus.Pruned, null, null, null, null, reason, trial.Steps, trial.Folds, trial.ScoreStd, trial.ScoreStd), now);
                Emit(JobEventKinds.TrialFinished, trial, message: reason);
                continue;
            }

            if (trial.Attempts >= options.Value.MaxAttempts)
            {
                Engine.Finish(trial, new TrialResult(TrialStatus.Failed, null, null, null, null, $"its worker stopped reporting {trial.Attempts} times", trial.Steps), now);
                Emit(JobEventKinds.TrialFailed, trial, message: trial.StopReason);
                continue;
            }

            LogLeaseLapsed(logger, JobId, trial.Number, trial.Attempts);
            await DispatchAsync(trial, resume: true);
        }

        await FillSlotsAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.RecordExists && S.FinishingEvent is not null)
        {
            if (_registering.IsCompleted)
            {
                BeginRegistering(); // the last try failed, or its result was lost
            }

            return;
        }

        if (!state.RecordExists || !WatchesLeases)
        {
            await StopLeasesAsync();
            return;
        }

        StartLeaseTimer();
        await CheckLeasesAsync();
    }
}
