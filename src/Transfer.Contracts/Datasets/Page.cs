namespace Transfer.Contracts.Datasets;

/// <summary>One page of a list; pass <see cref="ContinuationToken"/> back to get the next, null when this is the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
