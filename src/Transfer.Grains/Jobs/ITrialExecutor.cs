namespace Transfer.Grains.Jobs;

/// <summary>Runs one trial attempt on this worker: trains, reports its curve to the sink, obeys the control, returns the result.</summary>
public interface ITrialExecutor
{
    Task<TrialResult> RunAsync(TrialAssignment assignment, ITrialSink sink, TrialControl control, CancellationToken cancellationToken = default);
}
