namespace Transfer.Contracts.Jobs;

/// <summary>The kinds of <see cref="JobEvent"/>.</summary>
public static class JobEventKinds
{
    public const string TrialQueued = "trial-queued";
    public const string TrialStarted = "trial-started";
    public const string TrialReported = "trial-reported";
    public const string TrialPaused = "trial-paused";
    public const string TrialResumed = "trial-resumed";
    public const string TrialChanged = "trial-changed";
    public const string TrialStopping = "trial-stopping";
    public const string TrialFinished = "trial-finished";
    public const string TrialFailed = "trial-failed";
    public const string BestSoFar = "best-so-far";

    /// <summary>The trials have all ended and the job's model is being registered (its ensemble built and written); <see cref="JobFinished"/> follows.</summary>
    public const string JobFinishing = "job-finishing";

    public const string JobFinished = "job-finished";
}
