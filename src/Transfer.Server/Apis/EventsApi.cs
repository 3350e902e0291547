using System.Globalization;
using System.Security.Claims;
using Transfer.Contracts.Jobs;
using Transfer.Grains.Jobs;
using Transfer.Server.Auth;
using Transfer.Server.Events;
using Transfer.Server.Problems;

namespace Transfer.Server.Apis;

/// <summary>
/// <c>/api/jobs/{id}/events</c>: a job's events live as server-sent events (resumable with <c>Last-Event-ID</c> or
/// <c>?after=</c>, one trial with <c>?trial=</c>), and <c>/api/jobs/{id}/events/log</c>: the same log as a JSON page.
/// </summary>
public static class EventsApi
{
    /// <summary>A comment line goes out this often while a job is quiet, so proxies keep the stream open.</summary>
    public static TimeSpan Heartbeat { get; } = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs/{id}/events").WithTags("Events").RequireAuthorization();
        group.MapGet("/", StreamAsync)
            .Produces(StatusCodes.Status200OK, contentType: ServerSentEventsResult.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/log", LogAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<ServerSentEventsResult> StreamAsync(
        string id,
        long? after,
        int? trial,
        HttpRequest request,
        ClaimsPrincipal user,
        JobEventFeed feed,
        CancellationToken cancellationToken)
    {
        var afterId = LastEventId(request) ?? after ?? 0;
        _ = await feed.CheckAsync(user.Tenant(), id, cancellationToken);
        return new ServerSentEventsResult(feed.ReadAsync(user.Tenant(), id, afterId, trial, cancellationToken), Heartbeat);
    }

    private static async Task<IResult> LogAsync(string id, long? after, int? max, int? trial, ClaimsPrincipal user, JobEventFeed feed, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (max is < 1 or > 1000)
        {
            throw ApiProblemException.BadRequest("bad-page-size", "max must be between 1 and 1000.");
        }

        _ = await feed.CheckAsync(user.Tenant(), id, cancellationToken);
        var events = await grains.GetGrain<IStudyGrain>($"{user.Tenant()}/{id}").GetEventsAsync(after ?? 0, max ?? 1000);
        return TypedResults.Ok(trial is null ? events : [.. events.Where(e => e.Trial == trial)]);
    }

    private static long? LastEventId(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiProblemException.BadRequest("bad-last-event-id", $"Last-Event-ID must be an event id (a whole number), not '{header}'.");
    }
}
