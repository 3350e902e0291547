namespace Transfer.Contracts.Training;

/// <summary>
/// One layer of a model spec. Which fields matter depends on <see cref="Kind"/>: <see cref="Size"/> is the output
/// channels of a convolution or the outputs of a fully connected layer; <see cref="Kernel"/>, <see cref="Stride"/> and
/// <see cref="Padding"/> shape convolutions and pooling (<see cref="Padding"/> −1 means "same" for odd kernels);
/// <see cref="Activation"/> names an activation layer; <see cref="Rate"/> is the dropout probability.
/// <see cref="LrMult"/> and <see cref="DecayMult"/> scale the solver's learning rate and weight decay for this layer's
/// parameters (the seed's <c>lr_mult</c>/<c>decay_mult</c>).
/// </summary>
public sealed record LayerSpec(
    LayerKind Kind,
    int Size = 0,
    int Kernel = 0,
    int Stride = 1,
    int Padding = -1,
    string? Activation = null,
    double Rate = 0,
    double LrMult = 1,
    double DecayMult = 1)
{
    /// <summary><c>C(k,n)</c>.</summary>
    public static LayerSpec Conv(int kernel, int channels) => new(LayerKind.Conv, Size: channels, Kernel: kernel);

    /// <summary><c>P(k,s)</c>.</summary>
    public static LayerSpec MaxPool(int kernel, int stride) => new(LayerKind.MaxPool, Kernel: kernel, Stride: stride, Padding: 0);

    /// <summary><c>FC(n)</c>.</summary>
    public static LayerSpec Fc(int outputs) => new(LayerKind.FullyConnected, Size: outputs);

    /// <summary>An activation layer by name (case-insensitive).</summary>
    public static LayerSpec Act(string name) => new(LayerKind.Activation, Activation: name);

    /// <summary><c>ReLU</c>.</summary>
    public static LayerSpec Relu() => Act("ReLU");

    /// <summary><c>D(p)</c>.</summary>
    public static LayerSpec Dropout(double rate) => new(LayerKind.Dropout, Rate: rate);

    /// <summary><c>BN</c>.</summary>
    public static LayerSpec BatchNorm() => new(LayerKind.BatchNorm);

    /// <summary>Whether this layer has weights (convolution, fully connected, batch norm).</summary>
    public bool HasParameters => Kind is LayerKind.Conv or LayerKind.FullyConnected or LayerKind.BatchNorm;
}
