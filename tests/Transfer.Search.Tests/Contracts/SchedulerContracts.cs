using Transfer.Search.Schedulers;

namespace Transfer.Search.Tests.Contracts;

public sealed class FifoSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new FifoScheduler(MaxBudget);
}

public sealed class MedianStoppingSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new MedianStoppingScheduler(MaxBudget, 3);
}

public sealed class AshaSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new AshaScheduler(1, MaxBudget, 3);
}

public sealed class HyperbandSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new HyperbandScheduler(1, MaxBudget, 3);
}
