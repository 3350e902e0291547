using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Jobs;

namespace Transfer.Server.Events;

/// <summary>
/// Writes job events as <c>text/event-stream</c>: <c>id</c>, <c>event</c> (the kind) and <c>data</c> (the event as JSON)
/// per event, a comment line as a heartbeat while nothing happens, flushed after each; ends with the source or when the
/// client goes away.
/// </summary>
public sealed class ServerSentEventsResult(IAsyncEnumerable<JobEvent> events, TimeSpan heartbeat) : IResult
{
    public const string ContentType = "text/event-stream";

    /// <summary>How long a client should wait before reconnecting (the SSE <c>retry</c> field).</summary>
    public static TimeSpan Retry { get; } = TimeSpan.FromSeconds(1);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var time = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync(response, $"retry: {(int)Retry.TotalMilliseconds}\n\n", cancellationToken);

        try
        {
            await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                var next = enumerator.MoveNextAsync().AsTask();
                while (!await CompletesWithinAsync(next, heartbeat, time, cancellationToken))
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                }

                if (!await next)
                {
                    return;
                }

                await WriteAsync(response, Format(enumerator.Current, json), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
    }

    /// <summary>One event in the SSE wire format (the JSON has no newlines, so it is one <c>data</c> line).</summary>
    public static string Format(JobEvent item, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"id: {item.Id}\nevent: {item.Kind}\ndata: {JsonSerializer.Serialize(item, options)}\n\n";
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan period, TimeProvider time, CancellationToken cancellationToken)
    {
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(task, Task.Delay(period, time, delay.Token)) == task;
        await delay.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return finished;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
