namespace Transfer.Search.Schedulers;

/// <summary>The answer to an intermediate report.</summary>
public enum SchedulerDecision
{
    /// <summary>Keep training.</summary>
    Continue,

    /// <summary>Stop now: the trial is pruned.</summary>
    Stop,

    /// <summary>The trial passed a rung and goes on to the next one.</summary>
    Promote,
}
