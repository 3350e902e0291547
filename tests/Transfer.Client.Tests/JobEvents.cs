using System.Text;
using System.Text.Json;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Tests;

/// <summary>Job events, jobs and event-stream bodies for the client's tests, each test building its own.</summary>
internal static class JobEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static JobEvent Event(long id, string kind, int? trial = 0, CurveSample? sample = null, CurveJudgement? judgement = null, double? best = null, string? message = null, TrialStatus? status = null) =>
        new(id, kind, Start.AddSeconds(id), trial, status, sample, judgement, best, message);

    /// <summary>A job as the server shows it: finished (<see cref="JobInfo.FinishedAt"/> set) once it stopped running and every trial ended.</summary>
    public static JobInfo Job(JobStatus status, int started, int finished, int? budget = 3) => new(
        "job-1", "ds-1", status, new CreateJobRequest("ds-1", Budget: new JobBudget(budget)), started, finished, null, null, null, null, null, null, 0, Start, Start,
        FinishedAt: status != JobStatus.Running && started == finished ? Start : null);

    /// <summary>The SSE wire form the server writes: a retry line, a heartbeat comment, then id/event/data blocks.</summary>
    public static string Sse(params JobEvent[] events)
    {
        var text = new StringBuilder("retry: 1000\n\n: heartbeat\n\n");
        foreach (var e in events)
        {
            text.Append($"id: {e.Id}\nevent: {e.Kind}\ndata: {JsonSerializer.Serialize(e, Json)}\n\n");
        }

        return text.ToString();
    }

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>(id, kind, trial, sample, message): the judgement's collections compare by reference in records.</summary>
    public static object Key(JobEvent e) => (e.Id, e.Kind, e.Trial, e.Sample, e.Message, e.At);
}
