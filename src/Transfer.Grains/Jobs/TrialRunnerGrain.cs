using Microsoft.Extensions.Logging;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <inheritdoc cref="ITrialRunnerGrain"/>
public sealed partial class TrialRunnerGrain(ITrialExecutor executor, WorkerSlots slots, Microsoft.Extensions.Options.IOptions<JobOptions> options, ILogger<TrialRunnerGrain> logger) : Grain, ITrialRunnerGrain
{
    private readonly TrialControl _control = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly StudyCallPolicy _calls = new(options.Value);
    private Task? _run;

    public Task StartAsync(TrialAssignment assignment)
    {
        if (_run is not null)
        {
            return Task.CompletedTask; // a repeated start of the same attempt
        }

        var study = GrainFactory.GetGrain<IStudyGrain>(assignment.StudyKey);
        // Training runs off the grain's scheduler (it is long and CPU-bound); it reports back with ordinary grain calls.
        _run = Task.Run(() => RunAsync(assignment, study, _cancel.Token));
        // Back on this grain's scheduler once the attempt is over: nothing calls the runner of a finished attempt again, so it
        // leaves memory at once instead of idling until collection (a busy worker finishes many trials a second).
        _ = _run.ContinueWith(_ => DeactivateOnIdle(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);
        this.RegisterGrainTimer(KeepAliveAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public Task CommandAsync(TrialCommand command)
    {
        _control.Apply(command);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancel.Cancel();
        return Task.CompletedTask;
    }

    private Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        if (_run is { IsCompleted: false })
        {
            DelayDeactivation(TimeSpan.FromMinutes(5));
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync(TrialAssignment assignment, IStudyGrain study, CancellationToken cancellationToken)
    {
        TrialResult result;
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeats = HeartbeatAsync(study, assignment, beating.Token);
        try
        {
            using (await slots.AcquireAsync(cancellationToken))
            {
                result = await executor.RunAsync(assignment, new StudySink(study, assignment, _calls), _control, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the silo is going away; the study re-runs the trial when its lease lapses
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, assignment.JobId, assignment.Trial, assignment.Attempt);
            result = new TrialResult(TrialStatus.Failed, null, null, null, null, $"{ex.GetType().Name}: {ex.Message}", 0);
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeats;
        }

        try
        {
            await _calls.CallAsync(async _ => await study.CompleteTrialAsync(assignment.Trial, assignment.Attempt, result), cancellationToken);
        }
        catch (Exception ex) when (StudyCallPolicy.IsUnanswered(ex) || ex is OperationCanceledException)
        {
            LogResultLost(logger, ex, assignment.JobId, assignment.Trial, assignment.Attempt); // its lease lapses: the study re-runs it
        }
    }

    /// <summary>
    /// Renews the lease a few times per lease period while the attempt runs (also while it waits for a slot or loads data).
    /// The first beat comes one period in: handing out the trial started its lease. A beat the study does not answer (its
    /// silo died) is not tried again: the next one is.
    /// </summary>
    private async Task HeartbeatAsync(IStudyGrain study, TrialAssignment assignment, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.LeaseSeconds / 4));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, cancellationToken);
                if (!await study.HeartbeatAsync(assignment.Trial, assignment.Attempt))
                {
                    _control.Apply(new TrialCommand("stop")); // superseded by a newer attempt
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (StudyCallPolicy.IsUnanswered(ex))
            {
                LogHeartbeatFailed(logger, ex, assignment.JobId, assignment.Trial);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {Job}/{Trial}: heartbeat failed; the next one tries again")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string job, int trial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {Job}/{Trial} attempt {Attempt} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, int trial, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {Job}/{Trial} attempt {Attempt}: its study did not take the result; the trial is re-run when its lease lapses")]
    private static partial void LogResultLost(ILogger logger, Exception exception, string job, int trial, int attempt);

    /// <summary>Reports go to the study, tried again while it does not answer (the study ignores a repeated report).</summary>
    private sealed class StudySink(IStudyGrain study, TrialAssignment assignment, StudyCallPolicy calls) : ITrialSink
    {
        public async ValueTask<TrialVerdict> ReportAsync(CurveSample sample, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await calls.CallAsync(async _ => await study.ReportAsync(assignment.Trial, assignment.Attempt, sample), cancellationToken);
            }
            catch (Exception ex) when (StudyCallPolicy.IsUnanswered(ex))
            {
                throw new TimeoutException($"the study did not answer a report for {calls.Patience.TotalSeconds:0} s", ex);
            }
        }
    }
}
