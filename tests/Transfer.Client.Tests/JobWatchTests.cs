using System.Net;
using Transfer.Client.Problems;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using static Transfer.Client.Tests.JobEvents;

namespace Transfer.Client.Tests;

/// <summary>How the SDK follows a job's event stream: reconnects with Last-Event-ID, never repeats or drops an event.</summary>
public sealed class JobWatchTests
{
    [Fact]
    public async Task ABodyEndingBeforeJobFinishedReconnectsWithLastEventIdAndSkipsRepeats()
    {
        var bodies = new Queue<string>([
            Sse(Event(1, JobEventKinds.TrialQueued), Event(2, JobEventKinds.TrialStarted), Event(3, JobEventKinds.TrialReported)),
            Sse(Event(3, JobEventKinds.TrialReported), Event(4, JobEventKinds.TrialFinished), Event(5, JobEventKinds.JobFinished)),
        ]);
        using var handler = new RoutedHandler(r => IsEvents(r) ? RoutedHandler.EventStream(Stream(bodies.Dequeue())) : RoutedHandler.Ok(Job(JobStatus.Running, 1, 0)));

        var events = await WatchAsync(handler);

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Id));
        Assert.Equal([null, "3"], handler.Seen.Where(IsEvents).Select(LastEventId));
    }

    [Fact]
    public async Task AConnectionResetMidEventReconnectsFromTheLastWholeEvent()
    {
        var first = Sse(Event(1, JobEventKinds.TrialQueued), Event(2, JobEventKinds.TrialStarted));
        var cut = first.Length - 10; // inside event 2's data
        var bodies = new Queue<Stream>([
            new TrickleStream(Stream(first), failAfter: cut),
            Stream(Sse(Event(2, JobEventKinds.TrialStarted), Event(3, JobEventKinds.JobFinished))),
        ]);
        using var handler = new RoutedHandler(r => IsEvents(r) ? RoutedHandler.EventStream(bodies.Dequeue()) : RoutedHandler.Ok(Job(JobStatus.Running, 1, 0)));

        var events = await WatchAsync(handler);

        Assert.Equal([1L, 2, 3], events.Select(e => e.Id));
        Assert.Equal([null, "1"], handler.Seen.Where(IsEvents).Select(LastEventId));
    }

    [Fact]
    public async Task WatchingAFinishedJobFromItsLastEventEndsAtOnce()
    {
        using var handler = new RoutedHandler(r => IsEvents(r) ? RoutedHandler.EventStream(Stream(Sse())) : RoutedHandler.Ok(Job(JobStatus.Completed, 3, 3)));
        using var client = Client(handler);

        var events = new List<JobEvent>();
        await foreach (var item in client.Jobs.WatchAsync("job-1", afterId: 40))
        {
            events.Add(item);
        }

        Assert.Empty(events);
        Assert.Equal(["40"], handler.Seen.Where(IsEvents).Select(LastEventId));
    }

    [Fact]
    public async Task AStreamThatKeepsDroppingWithoutNewEventsGivesUp()
    {
        using var handler = new RoutedHandler(r => IsEvents(r) ? RoutedHandler.EventStream(Stream(Sse())) : RoutedHandler.Ok(Job(JobStatus.Running, 1, 0)));

        await Assert.ThrowsAsync<HttpRequestException>(() => WatchAsync(handler));
        Assert.Equal(4, handler.Seen.Count(IsEvents));
    }

    [Fact]
    public async Task AnUnknownJobIsAProblemNotARetry()
    {
        using var handler = new RoutedHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent(CannedProblemHandler.Problem(404, "not-found", "No such job", "There is no job 'job-1' in your tenant."), System.Text.Encoding.UTF8, "application/problem+json"),
        });

        var problem = await Assert.ThrowsAsync<TransferProblemException>(() => WatchAsync(handler));
        Assert.True(problem.IsNotFound);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task AcceptingAdviceMultipliesTheLastValueSetOnTheTrial()
    {
        JobEvent[] log = [Event(1, JobEventKinds.TrialStarted), Event(2, JobEventKinds.TrialChanged, message: "base_lr=0.002"), Event(3, JobEventKinds.TrialReported)];
        using var handler = new RoutedHandler(r => r.Method == HttpMethod.Post ? new HttpResponseMessage(HttpStatusCode.NoContent) : RoutedHandler.Ok(log));
        using var client = Client(handler);

        var set = await client.Jobs.AcceptAdviceAsync("job-1", 0, new CurveAdvice(AdviceKind.LowerLearningRate, "Lower the learning rate 10x.", "base_lr *= 0.1"));

        Assert.Equal(0.0002, set!.Value, 12);
        var post = Assert.Single(handler.Seen, r => r.Method == HttpMethod.Post);
        Assert.Equal("/api/jobs/job-1/trials/0/set?name=base_lr&value=0.0002", post.RequestUri!.PathAndQuery);
        Assert.Equal("/api/jobs/job-1/events/log?after=0&max=1000", handler.Seen[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task AdviceWithoutAnActionIsRefusedBeforeAnyCall()
    {
        using var handler = new RoutedHandler(_ => throw new InvalidOperationException("no call expected"));
        using var client = Client(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Jobs.AcceptAdviceAsync("job-1", 0, new CurveAdvice(AdviceKind.KeepGoing, "Still improving.")));
        Assert.Empty(handler.Seen);
    }

    private static async Task<List<JobEvent>> WatchAsync(RoutedHandler handler)
    {
        using var client = Client(handler);
        var list = new List<JobEvent>();
        await foreach (var item in client.Jobs.WatchAsync("job-1"))
        {
            list.Add(item);
        }

        return list;
    }

    private static TransferClient Client(RoutedHandler handler) =>
        new(new HttpClient(handler, disposeHandler: false), new TransferClientOptions { Endpoint = new Uri("http://transfer.test"), ApiKey = "k", RetryDelay = TimeSpan.Zero });

    private static bool IsEvents(HttpRequestMessage request) => request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal);

    private static string? LastEventId(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Last-Event-ID", out var values) ? values.Single() : null;
}
