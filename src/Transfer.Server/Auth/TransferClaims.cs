using System.Security.Claims;
using Transfer.Contracts.Tenants;

namespace Transfer.Server.Auth;

/// <summary>The claims the API-key handler sets, and how endpoints read them.</summary>
public static class TransferClaims
{
    public const string TenantClaim = "transfer:tenant";
    public const string KeyIdClaim = "transfer:key";
    public const string AdminPolicy = "transfer-admin";

    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantClaim) ?? throw new InvalidOperationException("The request was not authenticated with an API key.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(nameof(Role.Admin));
}
