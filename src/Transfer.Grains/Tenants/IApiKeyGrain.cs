using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <summary>One API key, keyed by its public key id. Holds only the SHA-256 of the secret.</summary>
[Alias("transfer.api-key")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("issue")]
    Task<ApiKeyInfo> IssueAsync(string tenant, Role role, string? name, string secretHash);

    /// <summary>The key's facts when the hash matches and the key is not revoked; otherwise null.</summary>
    [ReadOnly]
    [Alias("verify")]
    Task<ApiKeyInfo?> VerifyAsync(string secretHash);

    [ReadOnly]
    [Alias("get")]
    Task<ApiKeyInfo?> GetAsync();

    /// <summary>Revokes the key; returns its facts, or null when it does not exist.</summary>
    [Alias("revoke")]
    Task<ApiKeyInfo?> RevokeAsync();
}
