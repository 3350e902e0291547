namespace Transfer.Contracts.Training;

/// <summary>
/// The seed's solver hyper-parameters. Training length is <see cref="MaxIter"/> steps, or, when it is 0,
/// <see cref="Epochs"/> passes over the train split. Validation runs every <see cref="TestInterval"/> steps and at the end.
/// </summary>
/// <param name="BaseLr">Base learning rate (<c>base_lr</c>); each layer's is scaled by its <c>lr_mult</c>.</param>
/// <param name="LrPolicy">How the rate changes with the step (<c>lr_policy</c>).</param>
/// <param name="StepSize">Steps between decays for <see cref="Training.LrPolicy.Step"/> (<c>stepsize</c>).</param>
/// <param name="Gamma">Decay factor (<c>gamma</c>).</param>
/// <param name="Power">Exponent for inv and poly (<c>power</c>).</param>
/// <param name="StepValues">Decay steps for multistep (<c>stepvalue</c>); null for none.</param>
/// <param name="Momentum">Momentum for SGD, Nesterov and RMSprop; β₁ for Adam and AdamW.</param>
/// <param name="WeightDecay">L2 penalty (decoupled for AdamW); each layer's is scaled by its <c>decay_mult</c>.</param>
/// <param name="Optimizer">The solver type.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="MaxIter">Training steps (<c>max_iter</c>); 0 to use <see cref="Epochs"/>.</param>
/// <param name="Epochs">Passes over the train split when <see cref="MaxIter"/> is 0.</param>
/// <param name="TestInterval">Steps between reports (<c>test_interval</c>).</param>
public sealed record SolverConfig(
    double BaseLr = 0.01,
    LrPolicy LrPolicy = LrPolicy.Fixed,
    int StepSize = 1000,
    double Gamma = 0.1,
    double Power = 0.75,
    IReadOnlyList<int>? StepValues = null,
    double Momentum = 0.9,
    double WeightDecay = 0,
    OptimizerKind Optimizer = OptimizerKind.Sgd,
    int BatchSize = 64,
    int MaxIter = 0,
    int Epochs = 1,
    int TestInterval = 100)
{
    /// <summary>The solver value names that <see cref="With"/> and live commands accept.</summary>
    public static IReadOnlyList<string> SettableNames { get; } =
        ["base_lr", "gamma", "power", "stepsize", "momentum", "weight_decay", "max_iter", "test_interval"];

    /// <summary>Total training steps for a train split of <paramref name="trainCount"/> examples.</summary>
    public int TotalSteps(int trainCount) =>
        MaxIter > 0 ? MaxIter : Epochs * StepsPerEpoch(trainCount);

    /// <summary>Steps in one pass over <paramref name="trainCount"/> examples (the last batch may be short).</summary>
    public int StepsPerEpoch(int trainCount) => Math.Max(1, (trainCount + BatchSize - 1) / BatchSize);

    /// <summary>Returns a copy with one value changed, by its Caffe name (see <see cref="SettableNames"/>).</summary>
    public SolverConfig With(string name, double value) => name switch
    {
        "base_lr" => this with { BaseLr = value },
        "gamma" => this with { Gamma = value },
        "power" => this with { Power = value },
        "stepsize" => this with { StepSize = checked((int)value) },
        "momentum" => this with { Momentum = value },
        "weight_decay" => this with { WeightDecay = value },
        "max_iter" => this with { MaxIter = checked((int)value) },
        "test_interval" => this with { TestInterval = checked((int)value) },
        _ => throw new ArgumentException($"'{name}' is not a settable solver value ({string.Join(", ", SettableNames)})", nameof(name)),
    };
}
