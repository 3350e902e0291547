using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <summary>A tenant, keyed by its id: display name and the ids of its keys.</summary>
[Alias("transfer.tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; returns null when it already exists.</summary>
    [Alias("create")]
    Task<TenantInfo?> CreateAsync(string displayName);

    [ReadOnly]
    [Alias("get")]
    Task<TenantInfo?> GetAsync();

    /// <summary>Records a key issued for this tenant (or its revocation).</summary>
    [Alias("record-key")]
    Task RecordKeyAsync(ApiKeyInfo key);
}
