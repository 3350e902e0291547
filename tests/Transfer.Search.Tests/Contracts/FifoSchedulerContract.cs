using Transfer.Search.Schedulers;

namespace Transfer.Search.Tests.Contracts;

public sealed class FifoSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new FifoScheduler(MaxBudget);
}
