using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Transfer.Contracts.Datasets;
using Transfer.Server.Auth;
using Transfer.Server.Datasets;
using Transfer.Server.Knowledge;

namespace Transfer.Server.Apis;

/// <summary><c>/api/datasets</c>: upload (multipart, streamed), list, get, download a part, delete.</summary>
public static class DatasetsApi
{
    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        group.MapPost("/", UploadAsync).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/parts/{part}", DownloadAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<DatasetInfo>> UploadAsync(HttpRequest request, ClaimsPrincipal user, DatasetUploadService uploads, CancellationToken cancellationToken)
    {
        var info = await uploads.UploadAsync(user.Tenant(), request, cancellationToken);
        return TypedResults.Created($"/api/datasets/{info.Id}", info);
    }

    private static async Task<Ok<Page<DatasetInfo>>> ListAsync(ClaimsPrincipal user, DatasetService datasets, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.ListAsync(user.Tenant(), pageSize, continuationToken, cancellationToken));

    private static async Task<Ok<DatasetInfo>> GetAsync(string id, ClaimsPrincipal user, DatasetService datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.GetAsync(user.Tenant(), id, cancellationToken));

    private static async Task<FileStreamHttpResult> DownloadAsync(string id, string part, ClaimsPrincipal user, DatasetService datasets, CancellationToken cancellationToken)
    {
        var (content, file) = await datasets.OpenPartAsync(user.Tenant(), id, part, cancellationToken);
        return TypedResults.File(content, "application/octet-stream", file.FileName);
    }

    private static async Task<NoContent> DeleteAsync(string id, ClaimsPrincipal user, DatasetService datasets, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        await datasets.DeleteAsync(user.Tenant(), id, cancellationToken);
        await knowledge.ForgetDatasetAsync(user.Tenant(), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
