namespace Transfer.Contracts.Knowledge;

/// <summary>Where a group benchmark model's training stands.</summary>
public enum GroupBenchmarkStatus
{
    /// <summary>The job on the virtual dataset runs.</summary>
    Training,

    /// <summary>The model is published and serves the group.</summary>
    Published,

    /// <summary>The job failed or was stopped; <see cref="GroupBenchmarkTraining.Error"/> says why.</summary>
    Failed,
}
