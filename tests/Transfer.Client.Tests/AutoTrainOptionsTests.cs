using Transfer.Client.Jobs;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Tests;

/// <summary>The options of <c>AutoTrainAsync</c> become the job request the API documents, with the server's defaults left to it.</summary>
public sealed class AutoTrainOptionsTests
{
    [Fact]
    public void UnsetOptionsLeaveTheServersDefaults()
    {
        var request = new AutoTrainOptions().ToRequest("ds-1");

        Assert.Equal("ds-1", request.DatasetId);
        Assert.Null(request.Objective);
        Assert.Null(request.Budget);
        Assert.Null(request.Sampler);
        Assert.Null(request.Scheduler);
    }

    [Fact]
    public void MetricBudgetSamplerAndSchedulerReachTheRequest()
    {
        var request = new AutoTrainOptions { Metric = JobObjective.Loss, WallTime = TimeSpan.FromMinutes(30), DeviceHours = 0.5, Sampler = "gp", Scheduler = "asha", MaxEpochs = 6, Seed = 4 }.ToRequest("ds-1");

        Assert.Equal(new JobObjective(JobObjective.Loss), request.Objective);
        Assert.False(request.Objective!.Maximizes);
        Assert.Equal(new JobBudget(null, 1800, 0.5), request.Budget);
        Assert.Equal(("gp", 4), (request.Sampler!.Name, request.Sampler.Seed));
        Assert.Equal(("asha", 6.0), (request.Scheduler!.Name, request.Scheduler.MaxBudget));
    }
}
