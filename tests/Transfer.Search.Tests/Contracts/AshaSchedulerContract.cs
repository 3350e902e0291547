using Transfer.Search.Schedulers;

namespace Transfer.Search.Tests.Contracts;

public sealed class AshaSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new AshaScheduler(1, MaxBudget, 3);
}
