using Transfer.Client.Jobs;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using static Transfer.Client.Tests.JobEvents;

namespace Transfer.Client.Tests;

public sealed class JobEventStreamTests
{
    [Fact]
    public async Task EventsAreReadFromTheirDataLinesSkippingRetryAndHeartbeatComments()
    {
        var judgement = new CurveJudgement(CurveState.Improving, TrafficLight.Green, 0.8, false, new Dictionary<string, double> { ["late_gain"] = 0.1 }, null, [new CurveAdvice(AdviceKind.KeepGoing, "Still improving.")]);
        JobEvent[] sent =
        [
            Event(1, JobEventKinds.TrialQueued),
            Event(2, JobEventKinds.TrialReported, sample: new CurveSample(0.25, 3, 0.9, 0.8, 0.6, 0.001), judgement: judgement),
            Event(3, JobEventKinds.JobFinished, best: 0.6, message: "Completed: best trial 0"),
        ];

        var read = await ReadAllAsync(Stream(Sse(sent)));

        Assert.Equal(sent.Select(Key), read.Select(Key));
        Assert.Equal(TrafficLight.Green, read[1].Judgement!.Light);
        Assert.Equal(0.1, read[1].Judgement!.Evidence["late_gain"]);
    }

    [Fact]
    public async Task AnEventSplitAcrossReadsByteByByteIsReassembled()
    {
        var sent = new[] { Event(7, JobEventKinds.TrialStarted), Event(8, JobEventKinds.TrialChanged, message: "base_lr=0.0001") };

        var read = await ReadAllAsync(new TrickleStream(Stream(Sse(sent).Replace("\n", "\r\n", StringComparison.Ordinal))));

        Assert.Equal(sent.Select(Key), read.Select(Key));
    }

    [Fact]
    public async Task ABodyWithOnlyHeartbeatsHasNoEvents()
    {
        Assert.Empty(await ReadAllAsync(Stream(": heartbeat\n\n: heartbeat\n\n")));
    }

    private static async Task<List<JobEvent>> ReadAllAsync(Stream stream)
    {
        var list = new List<JobEvent>();
        await foreach (var item in JobEventStream.ReadAsync(stream))
        {
            list.Add(item);
        }

        return list;
    }
}
