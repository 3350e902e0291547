using System.Text.RegularExpressions;
using Transfer.Contracts.Tenants;
using Transfer.Grains.Tenants;
using Transfer.Server.Auth;
using Transfer.Server.Problems;

namespace Transfer.Server.Tenants;

/// <summary>Creates tenants, issues and revokes their keys.</summary>
public sealed partial class TenantService(IGrainFactory grains)
{
    public async Task<TenantInfo> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Id is null || !TenantId().IsMatch(request.Id))
        {
            throw ApiProblemException.BadRequest("bad-tenant-id", $"Tenant id '{request.Id}' is not valid: use 3-40 lower-case letters, digits or dashes, starting with a letter.");
        }

        return await grains.GetGrain<ITenantGrain>(request.Id).CreateAsync(request.DisplayName ?? request.Id)
            ?? throw ApiProblemException.Conflict("tenant-exists", $"Tenant '{request.Id}' already exists.");
    }

    public async Task<TenantInfo> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await grains.GetGrain<ITenantGrain>(id).GetAsync() ?? throw ApiProblemException.NotFound("tenant", id);
    }

    public async Task<IssuedKey> IssueKeyAsync(string tenant, Role role, string? name, CancellationToken cancellationToken = default)
    {
        _ = await GetAsync(tenant, cancellationToken);
        if (!Enum.IsDefined(role))
        {
            throw ApiProblemException.BadRequest("bad-role", "role must be User or Admin.");
        }

        var (keyId, secret, key) = ApiKeys.Generate();
        var info = await grains.GetGrain<IApiKeyGrain>(keyId).IssueAsync(tenant, role, name, ApiKeys.Hash(secret));
        await grains.GetGrain<ITenantGrain>(tenant).RecordKeyAsync(info);
        return new IssuedKey(info, key);
    }

    public async Task RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = await grains.GetGrain<IApiKeyGrain>(keyId).RevokeAsync() ?? throw ApiProblemException.NotFound("key", keyId);
        await grains.GetGrain<ITenantGrain>(info.Tenant).RecordKeyAsync(info);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}$")]
    private static partial Regex TenantId();
}
