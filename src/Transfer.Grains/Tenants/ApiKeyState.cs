using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <summary>Persisted state of <see cref="ApiKeyGrain"/>.</summary>
[GenerateSerializer]
[Alias("transfer.api-key-state")]
public sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyInfo? Info { get; set; }

    [Id(1)]
    public string? SecretHash { get; set; }
}
