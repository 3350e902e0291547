using Transfer.Contracts.Jobs;

namespace Transfer.Bench.Transfer;

/// <summary>A finished job, its trials, and the seconds from the start of its batch of jobs to its end.</summary>
public sealed record JobRun(JobInfo Job, IReadOnlyList<TrialInfo> Trials, double Seconds);
