namespace Transfer.Grains.Jobs;

/// <summary>Study timing. Bound from <c>Transfer:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Transfer:Jobs";

    /// <summary>A running trial whose worker has not reported for this long is re-run from its last checkpoint.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>How often a study checks its trials' leases while it runs.</summary>
    public double LeaseCheckSeconds { get; set; } = 10;

    /// <summary>
    /// How long a trial's worker keeps trying a report or result its study did not answer (the study's silo went away and
    /// the study comes back on another); after that the study has re-run the trial, so the worker gives the attempt up.
    /// </summary>
    public double StudyCallPatienceSeconds { get; set; } = 120;

    /// <summary>Attempts a trial gets before it counts as failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Trials one worker silo trains at once (one per device or slot).</summary>
    public int WorkerSlots { get; set; } = 1;
}
