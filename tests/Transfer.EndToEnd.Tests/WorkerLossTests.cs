using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A two-silo in-process cluster on a private Azurite: a worker silo dies mid-trial (hard kill), the study notices the
/// lapsed lease and re-runs the trial on the surviving silo, and the job completes.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class WorkerLossTests : IAsyncLifetime
{
    private TrainingCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrainingCluster.StartAsync(silos: 2);

    [Fact]
    public async Task AJobCompletesAfterTheWorkerRunningItsTrialDies()
    {
        const string tenant = "loss";
        var dataset = await _cluster.StoreDatasetAsync(tenant, "ds-loss", "fmnist-clothing6");
        // Scored by 2-fold cross-validation: the re-run attempt resumes each fold from its own checkpoint.
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 3, Seed: 3, Validation: new JobValidation(JobValidation.KFold, Folds: 2));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        var study = _cluster.Client.GetGrain<IStudyGrain>($"{tenant}/job-loss");
        await study.StartAsync(request, dataset, plan);

        var events = await TrainingCluster.WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.TrialReported && e.Trial == 0, TimeSpan.FromMinutes(2));
        await _cluster.KillWorkerOfAsync($"{tenant}/job-loss/0/1");

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var trials = await study.GetTrialsAsync();
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(trials[0].Attempts >= 2, $"trial 0 should have been re-run, attempts {trials[0].Attempts}");
        Assert.True(trials[0].Status is TrialStatus.Completed or TrialStatus.Pruned, $"trial 0 ended {trials[0].Status}: {trials[0].StopReason}");
        Assert.Equal(2, trials[0].Folds);
        Assert.NotNull(job.TestScore);
        Assert.NotEmpty(events);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
