using Transfer.Contracts.Knowledge;

namespace Transfer.MetaLearning.Knowledge;

/// <summary>
/// A past trial in the index: its canonical configuration key and its quality relative to the other trials on the same
/// dataset (its mid-rank percentile: 0 = that dataset's worst score, 1 = its best), so that easy and hard datasets weigh
/// alike and a few failed trials do not squeeze every other one towards the top.
/// </summary>
internal sealed record KnownTrial(TrialKnowledge Trial, string ConfigurationKey, double Quality);
