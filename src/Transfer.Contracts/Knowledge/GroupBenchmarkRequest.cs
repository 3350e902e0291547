namespace Transfer.Contracts.Knowledge;

/// <summary>
/// Asks the host to train a benchmark model for a group on the group's virtual dataset (its image members of the
/// caller's tenant together, label spaces kept apart) and to publish it under <paramref name="ModelId"/> when done.
/// </summary>
/// <param name="ModelId">The benchmark model's id: 3-40 lower-case letters, digits or dashes; not yet published.</param>
/// <param name="Epochs">Training length of the one from-scratch run (the default configuration).</param>
/// <param name="Seed">Seeds the split and the run.</param>
public sealed record GroupBenchmarkRequest(string ModelId, int Epochs = 3, int Seed = 1);
