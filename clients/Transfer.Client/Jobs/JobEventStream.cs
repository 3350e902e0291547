using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>
/// Reads a <c>text/event-stream</c> body of job events (<c>id</c>, <c>event</c>, <c>data</c> = the event's JSON; comments
/// and <c>retry</c> lines are skipped) with the runtime's SSE parser.
/// </summary>
public static class JobEventStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The events in the stream, in order; an item without data (a bare <c>retry</c> or <c>id</c>) is skipped.</summary>
    /// <exception cref="JsonException">An event's data is not a job event.</exception>
    public static async IAsyncEnumerable<JobEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = SseParser.Create(stream, static (_, data) => data.IsEmpty ? null : JsonSerializer.Deserialize<JobEvent>(data, Json));
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is { } value)
            {
                yield return value;
            }
        }
    }
}
