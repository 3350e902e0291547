using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>No early stopping: every trial trains to the full budget.</summary>
public sealed class FifoScheduler(double maxBudget) : IScheduler
{
    public string Name => "fifo";

    public double MaxBudget => maxBudget;

    public TrialPlan Next(TrialHistory history) => TrialPlan.New(maxBudget);

    public SchedulerDecision Report(TrialHistory history, int trial, IntermediateReport report) => SchedulerDecision.Continue;

    public TrialHistory SamplerView(TrialHistory history) => history;
}
