using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>The blob <c>vectors/{tenant}/{dataset}.json</c>: a dataset's meta-features, what re-clustering and recommendations read.</summary>
public sealed record StoredVector(string Tenant, string Dataset, string Name, MetaFeatureVector Vector, DateTimeOffset At)
{
    /// <summary>The dataset's key across tenants: <c>{tenant}/{dataset}</c>.</summary>
    public string Key => KnowledgeKeys.Dataset(Tenant, Dataset);
}
