namespace Transfer.Server.Knowledge;

/// <summary>The benchmark model picked for a dataset, the transfer score measured on it (if any) and why it was picked.</summary>
public sealed record BenchmarkPick(BenchmarkModelRecord Model, double? TransferScore, string Reason);
