using Transfer.Client.Internal;
using Transfer.Contracts.Tenants;

namespace Transfer.Client.Admin;

/// <summary>Tenants and API keys; an admin key is needed (a user key gets 403). Get one from <see cref="TransferClient.Admin"/>.</summary>
public class AdminClient
{
    private readonly IAdminApi _api = null!;

    internal AdminClient(IAdminApi api)
    {
        _api = api;
    }

    /// <summary>For mocking.</summary>
    protected AdminClient()
    {
    }

    /// <summary>Creates a tenant; <paramref name="id"/> is 3-40 lower-case letters, digits or dashes.</summary>
    public virtual Task<TenantInfo> CreateTenantAsync(string id, string? displayName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.CreateTenantAsync(new CreateTenantRequest(id, displayName), cancellationToken);
    }

    public virtual Task<TenantInfo> GetTenantAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.GetTenantAsync(id, cancellationToken);
    }

    /// <summary>Issues a key for a tenant. The secret in <see cref="IssuedKey.Key"/> is shown only this once.</summary>
    public virtual Task<IssuedKey> CreateKeyAsync(string tenantId, Role role = Role.User, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return _api.CreateKeyAsync(tenantId, new CreateKeyRequest(role, name), cancellationToken);
    }

    /// <summary>Revokes a key: requests made with it get 401 from then on.</summary>
    public virtual Task RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        return _api.RevokeKeyAsync(keyId, cancellationToken);
    }
}
