namespace Transfer.Contracts.Tenants;

/// <summary>The HTTP header every request carries its API key in.</summary>
public static class ApiKeyHeader
{
    public const string Name = "X-Api-Key";
}
