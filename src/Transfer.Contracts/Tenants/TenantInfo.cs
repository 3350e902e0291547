namespace Transfer.Contracts.Tenants;

/// <summary>A tenant and its keys (ids and metadata only; secrets are never shown again after issue).</summary>
public sealed record TenantInfo(string Id, string DisplayName, DateTimeOffset CreatedAt, IReadOnlyList<ApiKeyInfo> Keys);
