namespace Transfer.Contracts.Search;

/// <summary>
/// The space of heads: layer sequences of depth [<see cref="MinDepth"/>, <see cref="MaxDepth"/>] built from
/// <c>C(kernel,filters)</c>, <c>P(kernel,stride)</c> and <c>FC(units)</c>, each with an <c>lr_mult</c> and a <c>decay_mult</c>.
/// Validity rules: no convolution or pooling after a fully connected layer (the flatten), at most
/// <see cref="MaxPools"/> pooling layers.
/// </summary>
public sealed record ArchitectureDefinition(
    int MinDepth,
    int MaxDepth,
    IReadOnlyList<string> LayerKinds,
    IReadOnlyList<int> ConvKernels,
    IReadOnlyList<int> ConvFilters,
    IReadOnlyList<int> PoolKernels,
    IReadOnlyList<int> PoolStrides,
    IReadOnlyList<int> FcUnits,
    IReadOnlyList<double> LrMults,
    IReadOnlyList<double> DecayMults,
    int MaxPools = 2);
