namespace Transfer.Contracts.Jobs;

/// <summary>A trial in a job's ensemble and its weight (the weights of an ensemble sum to 1).</summary>
public sealed record EnsembleMember(int Trial, double Weight);
