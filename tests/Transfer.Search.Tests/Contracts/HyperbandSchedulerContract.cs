using Transfer.Search.Schedulers;

namespace Transfer.Search.Tests.Contracts;

public sealed class HyperbandSchedulerContract : SchedulerContractTests
{
    protected override IScheduler Create() => new HyperbandScheduler(1, MaxBudget, 3);
}
