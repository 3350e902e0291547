namespace Transfer.Contracts.Tenants;

/// <summary>Issues a key for a tenant.</summary>
public sealed record CreateKeyRequest(Role Role = Role.User, string? Name = null);
