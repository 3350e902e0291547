using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;

namespace Transfer.Grains.Jobs;

/// <summary>One trial in a study's state.</summary>
[GenerateSerializer]
[Alias("transfer.trial-entry")]
public sealed class TrialEntry
{
    [Id(0)]
    public int Number { get; set; }

    [Id(1)]
    public Dictionary<string, ParameterValue> Configuration { get; set; } = [];

    [Id(2)]
    public TrialStatus Status { get; set; }

    [Id(3)]
    public double? Score { get; set; }

    [Id(4)]
    public List<CurveSample> Curve { get; set; } = [];

    [Id(5)]
    public string? StopReason { get; set; }

    [Id(6)]
    public int Attempts { get; set; }

    [Id(7)]
    public int Seed { get; set; }

    [Id(8)]
    public bool IsBaseline { get; set; }

    [Id(9)]
    public DateTimeOffset? LastHeartbeat { get; set; }

    [Id(10)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(11)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(12)]
    public double? TestScore { get; set; }

    [Id(13)]
    public string? ModelBlob { get; set; }

    [Id(14)]
    public CurveJudgement? Judgement { get; set; }

    [Id(15)]
    public int Steps { get; set; }

    /// <summary>The from-scratch reference: the baseline configuration without pretrained weights; never pruned, never the best.</summary>
    [Id(16)]
    public bool IsScratch { get; set; }

    [Id(17)]
    public int Folds { get; set; } = 1;

    [Id(18)]
    public double? ScoreStd { get; set; }

    /// <summary>
    /// Set once a finished trial sits in its own record (<see cref="TrialArchiveState"/>): the study's state then leaves it
    /// out, so writing it stays small however many trials the study has.
    /// </summary>
    [Id(19)]
    public bool Archived { get; set; }

    /// <summary>A warm-start configuration (from the knowledge base, or enqueued by the user) the sampler proposed first.</summary>
    [Id(20)]
    public bool IsWarmStart { get; set; }

    /// <summary>The examples the trial's saved model trained on (all non-test examples when a k-fold trial was refit).</summary>
    [Id(21)]
    public int? ModelTrainExamples { get; set; }

    /// <summary>Models the saved model averages: up to k for a k-fold trial's fold ensemble, else 1.</summary>
    [Id(22)]
    public int? ModelMembers { get; set; }

    /// <summary>Device time of the trial's ended attempts, in seconds (see <see cref="DeviceSecondsAt"/>).</summary>
    [Id(23)]
    public double DeviceSeconds { get; set; }

    /// <summary>When the current attempt was handed to a worker; null when none is out.</summary>
    [Id(24)]
    public DateTimeOffset? AttemptStartedAt { get; set; }

    /// <summary>
    /// Set when a user or the job's stop is why the trial stops (<see cref="StopReason"/> says which; a trial already
    /// stopping for the scheduler's or the judge's reason keeps that): it ends as <see cref="TrialStatus.Stopped"/>. Any
    /// trial with a stop reason whose lease lapses (its worker died before it said how it ended) ends then, not re-run.
    /// </summary>
    [Id(25)]
    public bool StopRequested { get; set; }

    /// <summary>
    /// The solver values a user set while the trial ran (Caffe names, <c>set</c> commands), the latest of each: a re-run
    /// attempt gets them again (a checkpoint holds only those set before it was written).
    /// </summary>
    [Id(26)]
    public Dictionary<string, double> SolverOverrides { get; set; } = [];

    /// <summary>
    /// The device time the trial has held by <paramref name="now"/>: each attempt from its hand-out to a worker to its end
    /// (the current one to <paramref name="now"/>).
    /// </summary>
    public double DeviceSecondsAt(DateTimeOffset now) =>
        DeviceSeconds + (AttemptStartedAt is { } started ? Math.Max(0, (now - started).TotalSeconds) : 0);

    /// <summary>
    /// A user's or the job's stop: it becomes the trial's stop reason (<see cref="StopRequested"/>) unless the trial is
    /// already stopping for the scheduler's or the judge's reason, which it keeps.
    /// </summary>
    public void RequestStop(string reason)
    {
        if (StopReason is null)
        {
            (StopReason, StopRequested) = (reason, true);
        }
    }

    /// <summary>Ends the current attempt's device time at <paramref name="now"/> (nothing when none is out).</summary>
    public void EndAttempt(DateTimeOffset now)
    {
        DeviceSeconds = DeviceSecondsAt(now);
        AttemptStartedAt = null;
    }

    /// <summary>
    /// A running trial's judgement is not written with the study's state (it is judged again at its next report, and it is
    /// the largest part of an open trial); a finished trial's last judgement is kept in its archive record.
    /// </summary>
    public bool ShouldSerializeJudgement() => !IsActive;

    public bool IsActive => Status is TrialStatus.Queued or TrialStatus.Running or TrialStatus.Paused;

    public TrialInfo ToInfo() => new(
        Number, Configuration, Status, Score, Curve.ToArray(), StopReason, Attempts, Seed, IsBaseline, Judgement, StartedAt, FinishedAt, Folds, ScoreStd, IsActive ? null : TestScore, IsScratch, IsWarmStart, IsActive ? null : ModelTrainExamples, IsActive ? null : ModelMembers);

    public TrialSummary Summary() => new(Number, Score, ScoreStd, TestScore);
}
