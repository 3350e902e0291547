namespace Transfer.Grains.Jobs;

/// <summary>
/// One attempt of one trial on a worker silo (only worker silos carry this grain class). Starts training in the
/// background and returns at once; reports flow back to the study in curve samples; never a long grain call.
/// </summary>
[Alias("transfer.trial-runner")]
public interface ITrialRunnerGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task StartAsync(TrialAssignment assignment);

    [Alias("command")]
    Task CommandAsync(TrialCommand command);
}
