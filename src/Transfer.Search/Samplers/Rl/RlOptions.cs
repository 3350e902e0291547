namespace Transfer.Search.Samplers.Rl;

/// <summary>
/// MetaQNN settings: learning rate <see cref="Alpha"/>, initial Q value, epsilon 1 for the first
/// <see cref="ExplorationTrials"/> trials then falling linearly to <see cref="FinalEpsilon"/> at <see cref="DecayUntil"/>;
/// each finished trial is replayed <see cref="ReplaysPerTrial"/> times together with earlier ones (experience replay).
/// </summary>
public sealed record RlOptions(
    double Alpha = 0.2,
    double InitialQ = 0.5,
    int ExplorationTrials = 10,
    int DecayUntil = 60,
    double FinalEpsilon = 0.1,
    int ReplaysPerTrial = 16);
