namespace Transfer.Grains.Jobs;

/// <summary>A live command for a running trial: <c>stop</c>, <c>pause</c>, <c>resume</c>, or a solver value name with its new value.</summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.trial-command")]
public sealed record TrialCommand([property: Id(0)] string Name, [property: Id(1)] double? Value = null);
