namespace Transfer.Contracts.Tenants;

/// <summary>An API key's public facts.</summary>
public sealed record ApiKeyInfo(string KeyId, string Tenant, Role Role, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
