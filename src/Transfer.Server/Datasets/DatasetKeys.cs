namespace Transfer.Server.Datasets;

/// <summary>Grain keys of datasets: <c>{tenant}/{dataset}</c>, so a tenant can only ever address its own.</summary>
public static class DatasetKeys
{
    public static string Of(string tenant, string dataset) => $"{tenant}/{dataset}";
}
