namespace Transfer.Search.Schedulers;

public enum PlanKind
{
    /// <summary>Ask the sampler for a new configuration and train it up to the budget.</summary>
    NewTrial,

    /// <summary>Resume a paused trial up to a larger budget (a Hyperband promotion).</summary>
    Resume,
}
