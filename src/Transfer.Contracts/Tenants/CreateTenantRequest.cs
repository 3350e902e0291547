namespace Transfer.Contracts.Tenants;

/// <summary>Creates a tenant. <see cref="Id"/>: 3-40 lower-case letters, digits or dashes.</summary>
public sealed record CreateTenantRequest(string Id, string? DisplayName = null);
