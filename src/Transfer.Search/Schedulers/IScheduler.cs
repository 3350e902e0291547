using Transfer.Search.Trials;

namespace Transfer.Search.Schedulers;

/// <summary>
/// Decides whether trials continue (multi-fidelity; the seed's AdaRandom). Like samplers, schedulers are driven by the
/// study's trial history and keep no other state, so any sampler runs inside any scheduler.
/// </summary>
public interface IScheduler
{
    string Name { get; }

    /// <summary>The largest budget a trial is ever trained to.</summary>
    double MaxBudget { get; }

    /// <summary>What the next free worker should do.</summary>
    TrialPlan Next(TrialHistory history);

    /// <summary>Answers a report of trial <paramref name="trial"/> (the history already holds the report).</summary>
    SchedulerDecision Report(TrialHistory history, int trial, IntermediateReport report);

    /// <summary>
    /// The history as the sampler should see it: for multi-fidelity schedulers, trials valued at the largest budget with
    /// enough observations (BOHB); others are hidden (as Paused). Trial numbers are kept.
    /// </summary>
    TrialHistory SamplerView(TrialHistory history);
}
