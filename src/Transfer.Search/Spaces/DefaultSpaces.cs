using Transfer.Contracts.Search;

namespace Transfer.Search.Spaces;

/// <summary>
/// Ready-made spaces in the seed's vocabulary. <see cref="Joint"/> is the "joint optimization: AutoML with the fine-tune"
/// space: the head architecture (<c>head</c>, rendered as <c>C(k,n)</c>/<c>P(k,s)</c>/<c>FC(n)</c>), how many backbone blocks
/// stay frozen (<c>frozen_blocks</c>), and the solver parameters.
/// </summary>
public static class DefaultSpaces
{
    public static IReadOnlyList<string> LrPolicies { get; } = ["fixed", "step", "multistep", "exp", "inv", "poly", "cosine"];

    /// <summary>
    /// The optimizers of the default spaces. AdaDelta is left out: it works at learning rates near 1 (torch's default and
    /// Caffe's examples), far above <c>base_lr</c>'s range here, and in the knowledge-base seed histories (408 trials on 16
    /// datasets) none of its 49 trials came within 95 % of its dataset's best score, against 30–49 % of the others' trials.
    /// A custom space can still offer it (<see cref="Transfer.Contracts.Training.OptimizerKind.AdaDelta"/>).
    /// </summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["SGD", "Adam", "RMSProp"];

    /// <summary>Solver parameters: base_lr, lr_policy, stepsize (step/multistep), gamma (step/multistep/exp/inv), momentum (SGD/RMSProp), weight_decay, batch_size, optimizer, epochs.</summary>
    public static IReadOnlyList<ParameterDefinition> Solver(int maxEpochs = 30) =>
    [
        new("base_lr", ParameterKind.Float, 1e-5, 1e-1, Log: true, Default: ParameterValue.Of(1e-3)),
        new("lr_policy", ParameterKind.Categorical, Choices: LrPolicies, Default: ParameterValue.Of("fixed")),
        new("stepsize", ParameterKind.Int, 1, Math.Max(2, maxEpochs), Condition: new ParameterCondition("lr_policy", ["step", "multistep"])),
        new("gamma", ParameterKind.Float, 0.01, 0.9, Condition: new ParameterCondition("lr_policy", ["step", "multistep", "exp", "inv"])),
        new("optimizer", ParameterKind.Categorical, Choices: Optimizers, Default: ParameterValue.Of("SGD")),
        new("momentum", ParameterKind.Float, 0.5, 0.99, Default: ParameterValue.Of(0.9), Condition: new ParameterCondition("optimizer", ["SGD", "RMSProp"])),
        new("weight_decay", ParameterKind.Float, 1e-6, 1e-2, Log: true, Default: ParameterValue.Of(5e-4)),
        new("batch_size", ParameterKind.Int, 16, 256, Log: true, Default: ParameterValue.Of(64)),
        new("epochs", ParameterKind.Int, 1, maxEpochs, Default: ParameterValue.Of(Math.Min(10, maxEpochs))),
    ];

    /// <summary>The head space: 1–3 layers of C(1|3|5, 16..128), P(2|3, 1|2), FC(32..256), lr_mult 1/2/5/10, decay_mult 0/1.</summary>
    public static ArchitectureDefinition Head(int minDepth = 1, int maxDepth = 3) => new(
        minDepth,
        maxDepth,
        [HeadLayer.Conv, HeadLayer.Pool, HeadLayer.FullyConnected],
        ConvKernels: [1, 3, 5],
        ConvFilters: [16, 32, 64, 128],
        PoolKernels: [2, 3],
        PoolStrides: [1, 2],
        FcUnits: [32, 64, 128, 256],
        LrMults: [1, 2, 5, 10],
        DecayMults: [0, 1],
        MaxPools: 1);

    /// <summary>Head architecture + frozen backbone blocks (0..<paramref name="backboneBlocks"/>) + solver parameters.</summary>
    public static SearchSpaceDefinition Joint(int backboneBlocks, int maxEpochs = 30) => new([
        new("head", ParameterKind.Architecture, Architecture: Head()),
        new("frozen_blocks", ParameterKind.Int, 0, backboneBlocks, Default: ParameterValue.Of(backboneBlocks)),
        .. Solver(maxEpochs),
    ]);
}
