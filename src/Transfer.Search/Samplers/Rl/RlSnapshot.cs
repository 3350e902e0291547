namespace Transfer.Search.Samplers.Rl;

/// <summary>The controller's learnt state: Q tables per architecture parameter and the trials already learnt from.</summary>
public sealed record RlSnapshot(
    Dictionary<string, Dictionary<string, Dictionary<string, double>>> Tables,
    IReadOnlyList<int> Learnt,
    IReadOnlyList<double> Rewards);
