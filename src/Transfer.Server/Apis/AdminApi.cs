using Microsoft.AspNetCore.Http.HttpResults;
using Transfer.Contracts.Tenants;
using Transfer.Server.Auth;
using Transfer.Server.Tenants;

namespace Transfer.Server.Apis;

/// <summary><c>/api/admin</c>: tenants and keys. Admin keys only.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(TransferClaims.AdminPolicy);
        group.MapPost("/tenants", CreateTenantAsync).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/tenants/{id}", GetTenantAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tenants/{id}/keys", CreateKeyAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/keys/{keyId}", RevokeKeyAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<TenantInfo>> CreateTenantAsync(CreateTenantRequest request, TenantService tenants, CancellationToken cancellationToken)
    {
        var tenant = await tenants.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/admin/tenants/{tenant.Id}", tenant);
    }

    private static async Task<Ok<TenantInfo>> GetTenantAsync(string id, TenantService tenants, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tenants.GetAsync(id, cancellationToken));

    private static async Task<Created<IssuedKey>> CreateKeyAsync(string id, CreateKeyRequest request, TenantService tenants, CancellationToken cancellationToken)
    {
        var key = await tenants.IssueKeyAsync(id, request.Role, request.Name, cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{key.Info.KeyId}", key);
    }

    private static async Task<NoContent> RevokeKeyAsync(string keyId, TenantService tenants, CancellationToken cancellationToken)
    {
        await tenants.RevokeKeyAsync(keyId, cancellationToken);
        return TypedResults.NoContent();
    }
}
