using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <summary>Persisted state of <see cref="TenantGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.tenant-state")]
public sealed class TenantState
{
    [Id(0)]
    public string? DisplayName { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public List<ApiKeyInfo> Keys { get; set; } = [];
}
