namespace Transfer.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class GrainStorage
{
    /// <summary>Durable state of datasets, tenants, keys: Azure blob grain storage (Azurite locally).</summary>
    public const string Default = "transfer";
}
