using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Transfer.Contracts.Knowledge;
using Transfer.Server.Auth;
using Transfer.Server.Knowledge;

namespace Transfer.Server.Apis;

/// <summary>
/// The knowledge base: a dataset's meta-features, the virtual dataset groups, benchmark models, recommendations; and
/// for admins publishing benchmark models, training a group's benchmark model on its virtual dataset, importing tuning histories and asking for a re-clustering.
/// </summary>
public static class KnowledgeApi
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/api").WithTags("Knowledge").RequireAuthorization();
        user.MapGet("/datasets/{id}/meta-features", async Task<Ok<DatasetKnowledgeInfo>> (string id, ClaimsPrincipal principal, KnowledgeService knowledge, CancellationToken ct) =>
            TypedResults.Ok(await knowledge.GetMetaFeaturesAsync(principal.Tenant(), id, ct))).ProducesProblem(StatusCodes.Status404NotFound);
        user.MapGet("/groups", async Task<Ok<GroupsInfo>> (KnowledgeService knowledge, CancellationToken ct) => TypedResults.Ok(await knowledge.GetGroupsAsync(ct)));
        user.MapGet("/benchmark-models", async Task<Ok<IReadOnlyList<BenchmarkModelInfo>>> (BenchmarkModelService models, CancellationToken ct) => TypedResults.Ok(await models.ListAsync(ct)));
        user.MapPost("/recommendations", async Task<Ok<Recommendations>> (RecommendationRequest request, ClaimsPrincipal principal, KnowledgeService knowledge, CancellationToken ct) =>
            TypedResults.Ok(await knowledge.RecommendAsync(principal.Tenant(), request, ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var admin = app.MapGroup("/api/admin").WithTags("Knowledge").RequireAuthorization(TransferClaims.AdminPolicy);
        admin.MapPost("/benchmark-models", async Task<Created<BenchmarkModelInfo>> (HttpRequest request, ClaimsPrincipal principal, BenchmarkModelService models, CancellationToken ct) =>
        {
            var model = await models.PublishAsync(principal.Tenant(), request, ct);
            return TypedResults.Created($"/api/benchmark-models/{model.Id}", model);
        }).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/knowledge/histories", async Task<Ok<HistoryImportResult>> (TuningHistory history, ClaimsPrincipal principal, KnowledgeService knowledge, CancellationToken ct) =>
            TypedResults.Ok(await knowledge.ImportHistoryAsync(principal.Tenant(), history, ct))).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/groups/{groupId}/benchmark-model", async Task<Accepted<GroupBenchmarkTraining>> (string groupId, GroupBenchmarkRequest request, ClaimsPrincipal principal, GroupBenchmarkService trainings, CancellationToken ct) =>
        {
            var training = await trainings.StartAsync(principal.Tenant(), groupId, request, ct);
            return TypedResults.Accepted($"/api/admin/benchmark-trainings/{training.ModelId}", training);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/benchmark-trainings/{modelId}", async Task<Ok<GroupBenchmarkTraining>> (string modelId, ClaimsPrincipal principal, GroupBenchmarkService trainings, CancellationToken ct) =>
            TypedResults.Ok(await trainings.GetAsync(principal.Tenant(), modelId, ct))).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/knowledge/recluster", (KnowledgeService knowledge) =>
        {
            knowledge.RequestRecluster();
            return TypedResults.Accepted("/api/groups");
        });
        return app;
    }
}
