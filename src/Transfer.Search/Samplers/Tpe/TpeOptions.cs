namespace Transfer.Search.Samplers.Tpe;

/// <summary>
/// TPE settings. <see cref="StartupTrials"/> come from a Latin hypercube; <see cref="Gamma"/> and <see cref="GammaCap"/> size the
/// good group (min(ceil(gamma n), cap), as optuna); pending trials join the bad group (constant liar).
/// </summary>
public sealed record TpeOptions(
    int StartupTrials = 10,
    int Candidates = 24,
    double Gamma = 0.1,
    int GammaCap = 25,
    double PriorWeight = 1.0,
    bool Multivariate = false,
    bool ConstantLiar = true);
