using Transfer.Server.Events;

namespace Transfer.Server.Apis;

/// <summary><c>/api/workers</c>: each silo's CPU, memory and activations (any key); GPU is null where none is measured.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workers").WithTags("Workers").RequireAuthorization();
        group.MapGet("/", async (WorkerStatistics workers, CancellationToken ct) => TypedResults.Ok(await workers.ListAsync(ct)));
        return group;
    }
}
