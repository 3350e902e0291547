namespace Transfer.Search.Trials;

public enum TrialState
{
    /// <summary>Asked and not finished: running or queued.</summary>
    Pending,

    /// <summary>Reached its rung budget; a scheduler may promote it later.</summary>
    Paused,

    Complete,

    /// <summary>Stopped early by a scheduler.</summary>
    Pruned,

    Failed,
}
