using Refit;
using Transfer.Contracts.Tenants;

namespace Transfer.Client.Internal;

/// <summary>The admin routes of the HTTP API (admin keys only), as Refit sees them.</summary>
internal interface IAdminApi
{
    [Post("/api/admin/tenants")]
    Task<TenantInfo> CreateTenantAsync([Body] CreateTenantRequest request, CancellationToken cancellationToken = default);

    [Get("/api/admin/tenants/{id}")]
    Task<TenantInfo> GetTenantAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/admin/tenants/{id}/keys")]
    Task<IssuedKey> CreateKeyAsync(string id, [Body] CreateKeyRequest request, CancellationToken cancellationToken = default);

    [Delete("/api/admin/keys/{keyId}")]
    Task RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default);
}
