using Transfer.Contracts.Knowledge;

namespace Transfer.MetaLearning.Knowledge;

/// <summary>
/// A past trial in the index: its canonical configuration key and its quality relative to the other trials on the same
/// dataset (0 = that dataset's worst score, 1 = its best), so that easy and hard datasets weigh alike.
/// </summary>
internal sealed record KnownTrial(TrialKnowledge Trial, string ConfigurationKey, double Quality);
