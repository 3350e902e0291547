namespace Transfer.Training.Solver;

/// <summary>
/// Per-run settings that are not hyper-parameters: the seed (batch order, augmentation, dropout), the evaluation
/// batch size, and whether to time the share of each step spent inside libtorch.
/// </summary>
public sealed record TrainerOptions(int Seed, int EvaluationBatchSize = 256, bool CollectTimings = false);
