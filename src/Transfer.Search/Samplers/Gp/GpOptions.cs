namespace Transfer.Search.Samplers.Gp;

/// <summary>
/// GP-BO settings. Hyper-parameters are refitted on every ask from the previous optimum (plus a restart from the default
/// every <see cref="RestartEvery"/> trials) on at most <see cref="FitSubset"/> points (the best half and an even spread of
/// the rest); expected improvement is maximised over random candidates, perturbations of the best trials and
/// <see cref="RefineRounds"/> rounds of local refinement.
/// </summary>
public sealed record GpOptions(
    int StartupTrials = 10,
    int RandomCandidates = 256,
    int LocalCandidates = 128,
    int RefineRounds = 2,
    int FitSubset = 80,
    int FitIterations = 25,
    int RestartEvery = 10,
    double Xi = 0.01);
