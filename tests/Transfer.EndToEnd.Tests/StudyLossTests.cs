using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Xunit.Abstractions;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A two-silo in-process cluster on a private Azurite where only the second silo trains: the study lives on the first, which
/// dies (hard kill) mid-trial. The runner on the second silo keeps training; its reports and result reach the study where
/// it comes back, and the job completes with no trial failed.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class StudyLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "study-loss";
    private TrainingCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrainingCluster.StartAsync(silos: 2, primaryTrains: false);

    [Fact]
    public async Task ATrialOutlivesItsStudysSiloAndTheJobCompletes()
    {
        var dataset = await _cluster.StoreDatasetAsync(Tenant, "ds-study-loss", "fmnist-clothing6");
        var study = await _cluster.StudyOnFirstSiloAsync(Tenant);
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 3, Seed: 5, Validation: new JobValidation(JobValidation.Holdout));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        await study.StartAsync(request, dataset, plan);

        await TrainingCluster.WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.TrialReported && e.Trial == 0, TimeSpan.FromMinutes(2));
        var runner = await _cluster.SiloOfAsync($"{study.GetPrimaryKeyString()}/0/1");
        Assert.NotEqual(_cluster.Cluster.Silos[0].SiloAddress, runner); // only the second silo trains
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.Silos[0]);

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var trials = await study.GetTrialsAsync();
        var story = string.Join("; ", trials.Select(t => $"trial {t.Number}: {t.Status} after {t.Attempts} attempt(s) {t.StopReason}"));
        output.WriteLine(story);
        Assert.True(job.Status == JobStatus.Completed, story);
        Assert.True(trials.Count == 2 && trials.All(t => t.Status is TrialStatus.Completed or TrialStatus.Pruned), story);
        Assert.True(trials[0].Attempts == 1, $"the surviving runner's trial was re-run: {story}");
        Assert.NotNull(job.TestScore);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
