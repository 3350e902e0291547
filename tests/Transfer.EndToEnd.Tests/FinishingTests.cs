using Microsoft.Extensions.DependencyInjection;
using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// Finishing a job (registering its model, recording its trials in the knowledge base) runs off the study grain: no grain
/// call waits on it, an extension meanwhile abandons it and the job finishes once, with the extra trial, and a registration
/// lost with the study's silo is begun again where the study comes back. The knowledge base's place is taken by a sink
/// that holds the registration until the test lets it go.
/// </summary>
[Collection(HostCollection.Name)] // runs alone: the shared host's trials would compete for the 2 cores
public sealed class FinishingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly GatedOutcomeSink _gate = new();
    private TrainingCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrainingCluster.StartAsync(silos: 2, services: s => s.AddSingleton<IJobOutcomeSink>(_gate));

    [Fact]
    public async Task TheStudyAnswersWhileItsModelIsRegisteredAndAnExtensionMeanwhileFinishesTheJobOnce()
    {
        var study = await StartAsync("finish-extend");
        var first = await TrainingCluster.WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.JobFinishing, Patience);
        await _gate.WaitForCallsAsync(1, Patience);

        // The last trial's runner has had its answer and the study answers: the job is finishing, not finished.
        var finishing = (await study.GetAsync())!;
        Assert.Equal((JobStatus.Running, 1, 1), (finishing.Status, finishing.TrialsStarted, finishing.TrialsFinished));
        Assert.Null(finishing.FinishedAt);
        Assert.Null(finishing.ModelId);
        Assert.Equal("all trials have ended; registering the model", finishing.Message);
        Assert.Equal(JobStatus.Running, (await study.StopAsync())!.Status); // nothing is left to stop

        // An extension abandons the registration under way: one more trial, then the job finishes again.
        Assert.Equal(2, (await study.ExtendAsync(new ExtendJobRequest(AdditionalTrials: 1)))!.TrialsStarted);
        await TrainingCluster.WaitForEventAsync(study, first[^1].Id, e => e.Kind == JobEventKinds.JobFinishing, Patience);
        Assert.Single(_gate.Calls); // the second registration waits for the first, which still holds the model's blob
        _gate.Release();

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, Patience);
        Assert.Equal((JobStatus.Completed, 2), (job.Status, job.TrialsStarted));
        Assert.NotNull(job.ModelId);
        Assert.NotNull(job.FinishedAt);
        var events = await study.GetEventsAsync(0, 1000);
        Assert.Equal(2, events.Count(e => e.Kind == JobEventKinds.JobFinishing));
        Assert.Equal(JobEventKinds.JobFinished, Assert.Single(events, e => e.Kind is JobEventKinds.JobFinished).Kind);
        Assert.Equal(JobEventKinds.JobFinished, events[^1].Kind);
        Assert.Equal([1, 2], _gate.Calls.Select(c => c.Trials)); // the abandoned registration's trial, then both
    }

    [Fact]
    public async Task ARegistrationLostWithTheStudysSiloIsBegunAgainWhereTheStudyComesBack()
    {
        var study = await StartAsync("finish-restart");
        await TrainingCluster.WaitForEventAsync(study, 0, e => e.Kind == JobEventKinds.JobFinishing, Patience);
        await _gate.WaitForCallsAsync(1, Patience);
        Assert.Null((await study.GetAsync())!.FinishedAt); // also: the turn that began finishing has written the state

        await _cluster.KillSiloOfAsync("finishing/finish-restart");
        var back = (await TrainingCluster.AnswerAsync(study.GetAsync, DateTime.UtcNow + Patience))!;
        Assert.Null(back.FinishedAt);
        await _gate.WaitForCallsAsync(2, Patience); // begun again by the new activation
        _gate.Release();

        var job = await TrainingCluster.WaitUntilFinishedAsync(study, Patience);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.NotNull(job.ModelId);
        Assert.Contains(await study.GetEventsAsync(0, 1000), e => e.Kind == JobEventKinds.JobFinished); // the new activation's events
    }

    public async Task DisposeAsync()
    {
        _gate.Release();
        await _cluster.DisposeAsync();
    }

    private async Task<IStudyGrain> StartAsync(string job)
    {
        const string tenant = "finishing";
        var dataset = await _cluster.StoreDatasetAsync(tenant, "ds-" + job, "fmnist-sandal-bag");
        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 1), MaxEpochs: 1, Seed: 3, Validation: new JobValidation(JobValidation.Holdout));
        var plan = new JobPlanner().Plan(request, dataset, benchmark: null, warmStart: null);
        var study = _cluster.Client.GetGrain<IStudyGrain>($"{tenant}/{job}");
        await study.StartAsync(request, dataset, plan);
        return study;
    }
}
