using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Xunit.Abstractions;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// A three-silo in-process cluster on a private Azurite, the study on the first silo and trials on the other two: a trial's
/// worker silo dies (hard kill), and what users asked of the trial still holds. A stop that came before the lease lapsed
/// (the runner never heard it) ends the trial with its last measured values instead of running it again, and a stopped job
/// finishes; a solver value a user set reaches the re-run attempt.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class LostCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "lost-command";
    private const int LeaseSeconds = 12; // long enough that a command surely comes before the dead runner's lease lapses
    private const double SteeredLearningRate = 0.00123;
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

    [Fact]
    public async Task ALearningRateSetBeforeTheWorkerDiedHoldsInTheRerunAttempt()
    {
        // Set while paused, so no checkpoint (one per epoch) is written after it: only the study can tell the next attempt.
        var study = await StartAndKillTheWorkerAsync(before: async s =>
        {
            Assert.True(await s.CommandTrialAsync(0, new TrialCommand("pause")));
            Assert.True(await s.CommandTrialAsync(0, new TrialCommand("base_lr", SteeredLearningRate)));
        });
        var resumed = (await study.GetEventsAsync(0, 10_000))[^1].Id;
        Assert.True(await study.CommandTrialAsync(0, new TrialCommand("resume")));

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, TimeSpan.FromMinutes(4));
        var trials = await study.GetTrialsAsync();
        var story = Story(trials);
        var events = await study.GetEventsAsync(0, 10_000);
        var before = events.Where(e => e.Id <= resumed && e is { Kind: JobEventKinds.TrialReported, Trial: 0 }).Select(e => e.Sample!.LearningRate).ToArray();
        var after = events.Where(e => e.Id > resumed && e is { Kind: JobEventKinds.TrialReported, Trial: 0 }).Select(e => e.Sample!.LearningRate).ToArray();
        Assert.True(job.Status == JobStatus.Completed && trials[0].Attempts == 2, $"{job.Status}: {job.Message}; {story}");
        Assert.True(before.Length > 0 && before.All(lr => lr == 0.01), $"the baseline's fixed rate before: {string.Join(", ", before)}");
        Assert.True(after.Length > 0 && after.All(lr => Math.Abs(lr - SteeredLearningRate) < 1e-9), $"the re-run attempt's rates: {string.Join(", ", after)}");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>
    /// Starts a two-trial job on a study on the first silo, waits for trial 0's first validation report (written within a
    /// second: the coalesced write), does <paramref name="before"/>, and kills the silo that runs the trial.
    /// </summary>
    private async Task<IStudyGrain> StartAndKillTheWorkerAsync(Func<IStudyGrain, Task>? before = null)
    {
        var dataset = await _cluster.StoreDatasetAsync(Tenant, "ds-lost-command", "fmnist-clothing6");
        var study = await _cluster.StudyOnFirstSiloAsync(Tenant);
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 2), MaxEpochs: 3, Seed: 7, Validation: new JobValidation(JobValidation.Holdout));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        await study.StartAsync(request, dataset, plan);

        await TrainingCluster.WaitForEventAsync(study, 0, e => e is { Kind: JobEventKinds.TrialReported, Trial: 0, Sample.ValidationAccuracy: not null }, TimeSpan.FromMinutes(2));
        var worker = await _cluster.SiloOfAsync($"{study.GetPrimaryKeyString()}/0/1");
        Assert.NotEqual(_cluster.Cluster.Silos[0].SiloAddress, worker); // the first silo does not train
        if (before is not null)
        {
            await before(study);
        }

        await _cluster.KillSiloAsync(worker);
        return study;
    }

    private string Story(IReadOnlyList<TrialInfo> trials)
    {
        var story = string.Join("; ", trials.Select(t => $"trial {t.Number}: {t.Status} after {t.Attempts} attempt(s), score {t.Score}, {t.StopReason}"));
        output.WriteLine(story);
        return story;
    }
}
