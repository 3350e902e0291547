using System.Globalization;
using System.Runtime.CompilerServices;
using Transfer.Client.Internal;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>
/// Start, read, watch, steer and delete the auto-training jobs of the caller's tenant. Get one from
/// <see cref="TransferClient.Jobs"/>; <see cref="StartAsync"/> returns a <see cref="JobHandle"/> to await or watch.
/// </summary>
public class JobsClient
{
    private readonly IJobsApi _api = null!;
    private readonly JobWatcher _watcher = null!;

    internal JobsClient(IJobsApi api, HttpClient http, TransferClientOptions options)
    {
        _api = api;
        _watcher = new JobWatcher(http, (id, ct) => _api.GetAsync(id, ct), options.RetryDelay, Math.Max(3, options.MaxRetries));
    }

    /// <summary>For mocking.</summary>
    protected JobsClient()
    {
    }

    /// <summary>Starts a job; the handle waits for it, watches it and stops it.</summary>
    /// <exception cref="Problems.TransferProblemException">400 for a bad request (budget, sampler, space), 404 for an unknown dataset.</exception>
    public virtual async Task<JobHandle> StartAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobHandle(this, await _api.StartAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// What <see cref="StartAsync"/> would start, without starting it: the request with the server's defaults, the search
    /// space (a starting point for <see cref="CreateJobRequest.Space"/>), the benchmark model, the baseline configuration
    /// and the knowledge base's warm start. It is checked as a start is, so a bad request gets the same problem.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">400 for a bad request (budget, sampler, space), 404 for an unknown dataset.</exception>
    public virtual Task<JobPlanInfo> PlanAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _api.PlanAsync(request, cancellationToken);
    }

    /// <summary>A handle for a job started earlier (reads its current state).</summary>
    public virtual async Task<JobHandle> GetHandleAsync(string id, CancellationToken cancellationToken = default) =>
        new(this, await GetAsync(id, cancellationToken).ConfigureAwait(false));

    /// <exception cref="Problems.TransferProblemException">404 when the tenant has no such job.</exception>
    public virtual Task<JobInfo> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.GetAsync(id, cancellationToken);
    }

    /// <summary>Every job of the tenant; pages are fetched as the caller enumerates.</summary>
    public virtual async IAsyncEnumerable<JobInfo> ListAsync(int pageSize = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string? token = null;
        do
        {
            var page = await _api.ListAsync(pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    public virtual Task<IReadOnlyList<TrialInfo>> GetTrialsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.TrialsAsync(id, cancellationToken);
    }

    /// <summary>
    /// The job's events live, oldest first, from after <paramref name="afterId"/> until <c>job-finished</c> (at once
    /// when the job finished earlier); with <paramref name="trial"/> only that trial's. A dropped connection is
    /// resumed with <c>Last-Event-ID</c>: every event arrives once, in order.
    /// </summary>
    public virtual IAsyncEnumerable<JobEvent> WatchAsync(string id, long afterId = 0, int? trial = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _watcher.WatchAsync(id, afterId, trial, cancellationToken);
    }

    /// <summary>The events recorded so far (no waiting), after <paramref name="afterId"/>; with <paramref name="trial"/> only that trial's.</summary>
    public virtual async IAsyncEnumerable<JobEvent> GetEventsAsync(string id, long afterId = 0, int? trial = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        const int PageSize = 1000;
        var after = afterId;
        while (true)
        {
            var page = await _api.EventsLogAsync(id, after, PageSize, null, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Where(e => trial is null || e.Trial == trial))
            {
                yield return item;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public virtual Task<JobInfo> StopAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.StopAsync(id, cancellationToken);
    }

    /// <summary>Adds trials to a job (running or done), with no time limit; a finished job resumes from its history.</summary>
    public virtual Task<JobInfo> ExtendAsync(string id, int additionalTrials, CancellationToken cancellationToken = default) =>
        ExtendAsync(id, new ExtendJobRequest(additionalTrials), cancellationToken);

    /// <summary>
    /// Gives a job (running or done) a budget from now on: more trials, wall time and/or device time, whichever is spent
    /// first (<see cref="ExtendJobRequest"/>); a finished job resumes from its history.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">400 for an extension without a limit or out of range, 404 for an unknown job.</exception>
    public virtual Task<JobInfo> ExtendAsync(string id, ExtendJobRequest extension, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(extension);
        return _api.ExtendAsync(id, extension, cancellationToken);
    }

    public virtual Task<JobInfo> RerunFailedAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.RerunFailedAsync(id, cancellationToken);
    }

    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.DeleteAsync(id, cancellationToken);
    }

    /// <exception cref="Problems.TransferProblemException">409 when the trial is not running.</exception>
    public virtual Task StopTrialAsync(string id, int trial, CancellationToken cancellationToken = default) => CommandAsync(id, trial, "stop", null, null, cancellationToken);

    public virtual Task PauseTrialAsync(string id, int trial, CancellationToken cancellationToken = default) => CommandAsync(id, trial, "pause", null, null, cancellationToken);

    public virtual Task ResumeTrialAsync(string id, int trial, CancellationToken cancellationToken = default) => CommandAsync(id, trial, "resume", null, null, cancellationToken);

    /// <summary>Changes a solver value of a running trial (<c>base_lr</c>, <c>gamma</c>, <c>momentum</c>, <c>weight_decay</c>, <c>max_iter</c>, …) from its next step on.</summary>
    public virtual Task SetTrialValueAsync(string id, int trial, string name, double value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CommandAsync(id, trial, "set", name, value, cancellationToken);
    }

    /// <summary>
    /// Applies a piece of curve advice to a running trial: <c>stop</c> stops it; <c>base_lr *= 0.1</c> sets base_lr to a
    /// tenth of its current value (the last value set on the trial, else its configuration's). Returns the value set
    /// (null for a stop).
    /// </summary>
    /// <exception cref="ArgumentException">The advice names no concrete action.</exception>
    /// <exception cref="InvalidOperationException">The action's value has no current value on this trial to start from.</exception>
    public virtual async Task<double?> AcceptAdviceAsync(string id, int trial, CurveAdvice advice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(advice);
        if (advice.Action is null)
        {
            throw new ArgumentException($"This advice ({advice.Kind}) names no action to apply: {advice.Text}", nameof(advice));
        }

        var action = AdviceAction.Parse(advice.Action);
        if (action.IsStop)
        {
            await StopTrialAsync(id, trial, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var value = action.Apply(await CurrentValueAsync(id, trial, action.Name, cancellationToken).ConfigureAwait(false));
        await SetTrialValueAsync(id, trial, action.Name, value, cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>A trial's current solver value: the last one set on it, else its configuration's, else (max_iter) the planned steps.</summary>
    public virtual async Task<double?> CurrentValueAsync(string id, int trial, string name, CancellationToken cancellationToken = default)
    {
        double? changed = null;
        var prefix = name + "=";
        await foreach (var item in GetEventsAsync(id, 0, trial, cancellationToken).ConfigureAwait(false))
        {
            if (item.Kind == JobEventKinds.TrialChanged && item.Message is { } message && message.StartsWith(prefix, StringComparison.Ordinal)
                && double.TryParse(message[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                changed = value;
            }
        }

        if (changed is not null)
        {
            return changed;
        }

        var info = (await GetTrialsAsync(id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Number == trial)
            ?? throw new ArgumentOutOfRangeException(nameof(trial), trial, $"Job '{id}' has no trial {trial}.");
        if (info.Configuration.TryGetValue(name, out var configured) && configured.Number is { } number)
        {
            return number;
        }

        if (name == "max_iter" && info.Curve.LastOrDefault(s => s.Epoch > 0) is { } last)
        {
            var job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            return Math.Round(last.Step / last.Epoch * job.Request.MaxEpochs);
        }

        return null;
    }

    private Task CommandAsync(string id, int trial, string command, string? name, double? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        return _api.CommandAsync(id, trial, command, name, value, cancellationToken);
    }
}
