using Transfer.Search.Schedulers;

namespace Transfer.Search.Tests.Contracts;

public sealed class MedianStoppingSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new MedianStoppingScheduler(MaxBudget, 3);
}
