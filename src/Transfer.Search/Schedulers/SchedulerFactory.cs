using Transfer.Contracts.Search;

namespace Transfer.Search.Schedulers;

/// <summary>Builds a scheduler from its wire definition: fifo, median, asha, hyperband (alias adarandom).</summary>
public static class SchedulerFactory
{
    public static IScheduler Create(SchedulerDefinition d) => d.Name.ToLowerInvariant() switch
    {
        "fifo" => new FifoScheduler(d.MaxBudget),
        "median" => new MedianStoppingScheduler(d.MaxBudget, d.GracePeriod),
        "asha" => new AshaScheduler(d.MinBudget, d.MaxBudget, d.ReductionFactor),
        "hyperband" or "adarandom" => new HyperbandScheduler(d.MinBudget, d.MaxBudget, d.ReductionFactor),
        _ => throw new ArgumentException($"unknown scheduler '{d.Name}'", nameof(d)),
    };
}
