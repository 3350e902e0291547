namespace Transfer.Server.Knowledge;

/// <summary>Keys of the knowledge base: a dataset is <c>{tenant}/{dataset}</c> across tenants, as its grains are.</summary>
public static class KnowledgeKeys
{
    public static string Dataset(string tenant, string dataset) => $"{tenant}/{dataset}";

    public static (string Tenant, string Dataset) Split(string key)
    {
        var cut = key.IndexOf('/', StringComparison.Ordinal);
        return cut <= 0 ? throw new ArgumentException($"'{key}' is not a tenant/dataset key.", nameof(key)) : (key[..cut], key[(cut + 1)..]);
    }
}
