namespace Transfer.Grains.Jobs;

/// <summary>
/// One attempt of one trial on a worker silo (only worker silos carry this grain class). Starts training in the
/// background and returns at once; reports flow back to the study in curve samples; never a long grain call.
/// Both calls are one-way: the study never waits on a worker, so a worker silo that died, and that the cluster has not
/// yet declared dead, cannot hold the study (and every user's call to it) until the call times out. A start that is
/// lost shows as a lease that lapses, and the trial is re-run; a command that arrives before the start is kept.
/// </summary>
[Alias("transfer.trial-runner")]
public interface ITrialRunnerGrain : IGrainWithStringKey
{
    [Alias("start")]
    [OneWay]
    Task StartAsync(TrialAssignment assignment);

    [Alias("command")]
    [OneWay]
    Task CommandAsync(TrialCommand command);
}
