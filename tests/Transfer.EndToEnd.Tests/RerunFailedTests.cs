using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A trial fails for a cause outside it (its worker died and it has no attempts left), the job finishes without it, and
/// re-running the job's failed trials trains it again, with its configuration, and registers the model anew.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class RerunFailedTests : IAsyncLifetime
{
    private TrainingCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrainingCluster.StartAsync(silos: 2, jobs => jobs.MaxAttempts = 1);

    [Fact]
    public async Task RerunningAFinishedJobsFailedTrialTrainsItAgainAndTheJobCompletes()
    {
        const string tenant = "rerun";
        var dataset = await _cluster.StoreDatasetAsync(tenant, "ds-rerun", "fmnist-sandal-bag");
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 2, Seed: 5, Validation: new JobValidation(JobValidation.Holdout), EnsembleSize: 0);
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        var study = _cluster.Client.GetGrain<IStudyGrain>($"{tenant}/job-rerun");
        await study.StartAsync(request, dataset, plan);

        await TrainingCluster.WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.TrialReported && e.Trial == 0, TimeSpan.FromMinutes(2));
        await _cluster.KillWorkerOfAsync($"{tenant}/job-rerun/0/1");

        var first = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var before = await study.GetTrialsAsync();
        Assert.Equal(TrialStatus.Failed, before[0].Status);
        Assert.Contains("worker stopped reporting", before[0].StopReason, StringComparison.Ordinal);
        Assert.True(before[1].Status is TrialStatus.Completed or TrialStatus.Pruned, $"trial 1 ended {before[1].Status}: {before[1].StopReason}");
        Assert.Equal(JobStatus.Completed, first.Status);

        var rerun = await study.RerunFailedAsync();
        Assert.Equal(JobStatus.Running, rerun!.Status);

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var after = await study.GetTrialsAsync();
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(2, after.Count); // no new trial: the failed one ran again
        Assert.True(after[0].Status is TrialStatus.Completed or TrialStatus.Pruned, $"trial 0 ended {after[0].Status}: {after[0].StopReason}");
        Assert.Equal(2, after[0].Attempts);
        Assert.Equal(Text(before[0].Configuration), Text(after[0].Configuration));
        Assert.NotEmpty(after[0].Curve);
        Assert.Equal(before[1].Score, after[1].Score); // the completed trial is kept, not re-run
        Assert.NotNull(job.ModelId);
        Assert.NotNull(job.TestScore);

        var nothing = await study.RerunFailedAsync();
        Assert.Equal(JobStatus.Completed, nothing!.Status); // nothing failed: the job stays finished
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Text(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        string.Join(", ", configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
