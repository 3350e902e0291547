using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Xunit.Abstractions;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A three-silo in-process cluster on a private Azurite, the study on the first silo and trials on the other two: a trial's
/// worker silo dies (hard kill) and a stop comes before its lease lapses, so the runner never hears it. The study ends the trial when the lease lapses, with its last measured
/// values, instead of running it again; a stopped job then finishes.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class StopAfterWorkerLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "stop-loss";
    private const int LeaseSeconds = 12; // long enough that the stop surely comes before the dead runner's lease lapses
    private TrainingCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrainingCluster.StartAsync(silos: 3, jobs: o => o.LeaseSeconds = LeaseSeconds, primaryTrains: false);

    [Fact]
    public async Task AJobStoppedAfterItsWorkerDiedFinishesWithoutRerunningTheTrial()
    {
        var study = await StartAndKillTheWorkerAsync();
        var stoppedAt = DateTime.UtcNow;
        await study.StopAsync();

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(3));
        var trials = await study.GetTrialsAsync();
        var story = Story(trials);
        Assert.True(job.Status == JobStatus.Stopped, $"{job.Status}: {job.Message}; {story}");
        Assert.True(DateTime.UtcNow - stoppedAt >= TimeSpan.FromSeconds(LeaseSeconds) - TimeSpan.FromSeconds(1), "the job finished before the trial's lease could lapse");
        Assert.True(trials[0] is { Status: TrialStatus.Stopped, Attempts: 1, StopReason: "the job was stopped" }, story);
        Assert.NotNull(trials[0].Score); // its last measured value
        Assert.NotEmpty(trials[0].Curve);
        Assert.True(trials.All(t => t.Status == TrialStatus.Stopped && t.Attempts == 1), story);
    }

    [Fact]
    public async Task ATrialStoppedAfterItsWorkerDiedEndsStoppedAndTheJobGoesOn()
    {
        var study = await StartAndKillTheWorkerAsync();
        Assert.True(await study.CommandTrialAsync(0, new TrialCommand("stop")));

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var trials = await study.GetTrialsAsync();
        var story = Story(trials);
        Assert.True(job.Status == JobStatus.Completed, $"{job.Status}: {job.Message}; {story}");
        Assert.True(trials[0] is { Status: TrialStatus.Stopped, Attempts: 1, StopReason: "stopped by a user" }, story);
        Assert.NotNull(trials[0].Score);
        Assert.True(trials.Count == 2 && trials[1].Status is TrialStatus.Completed or TrialStatus.Pruned, story);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>
    /// Starts a two-trial job on a study on the first silo, waits for trial 0's first validation report (written within a
    /// second: the coalesced write), and kills the silo that runs the trial.
    /// </summary>
    private async Task<IStudyGrain> StartAndKillTheWorkerAsync()
    {
        var dataset = await _cluster.StoreDatasetAsync(Tenant, "ds-stop-loss", "fmnist-clothing6");
        var study = await _cluster.StudyOnFirstSiloAsync(Tenant);
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 3, Seed: 7, Validation: new JobValidation(JobValidation.Holdout));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        await study.StartAsync(request, dataset, plan);

        await TrainingCluster.WaitForEventAsync(study, 0, e => e is { Kind: JobEventKinds.TrialReported, Trial: 0, Sample.ValidationAccuracy: not null }, TimeSpan.FromMinutes(2));
        var worker = await _cluster.SiloOfAsync($"{study.GetPrimaryKeyString()}/0/1");
        Assert.NotEqual(_cluster.Cluster.Silos[0].SiloAddress, worker); // the first silo does not train
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(worker)));
        return study;
    }

    private string Story(IReadOnlyList<TrialInfo> trials)
    {
        var story = string.Join("; ", trials.Select(t => $"trial {t.Number}: {t.Status} after {t.Attempts} attempt(s), score {t.Score}, {t.StopReason}"));
        output.WriteLine(story);
        return story;
    }
}
