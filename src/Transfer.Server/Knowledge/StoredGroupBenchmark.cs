using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>The blob <c>group-benchmarks/{model}.json</c>: a group benchmark model's training, and the tenant it runs in.</summary>
public sealed record StoredGroupBenchmark(string Tenant, GroupBenchmarkTraining Training);
