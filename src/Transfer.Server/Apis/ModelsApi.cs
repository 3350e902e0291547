using System.Security.Claims;
using Transfer.Server.Auth;
using Transfer.Server.Models;

namespace Transfer.Server.Apis;

/// <summary><c>/api/models/{id}</c>: a job's registered model (id = the job's id): download it, predict with it.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        group.MapGet("/{id}/content", async (string id, ClaimsPrincipal user, ModelService models, CancellationToken ct) =>
        {
            var (content, job) = await models.OpenAsync(user.Tenant(), id, ct);
            return TypedResults.File(content, "application/octet-stream", $"{job.Id}.model");
        }).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/predict", async (string id, HttpRequest request, ClaimsPrincipal user, ModelService models, CancellationToken ct) =>
            TypedResults.Ok(await models.PredictAsync(user.Tenant(), id, request, ct))).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
