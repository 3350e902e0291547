using Transfer.Contracts.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Transfer.Training.Modules;

/// <summary>
/// Turns layer specs into torch modules while tracking the activation shape, so fully connected layers know their
/// input width and image-shaped activations are flattened where a fully connected layer follows.
/// </summary>
internal sealed class LayerFactory(InputSpec input, Func<Generator> dropoutGenerator)
{
    private int _channels = input.IsImage ? input.Channels : 0;
    private int _height = input.Height;
    private int _width = input.Width;
    private int _features = input.IsImage ? 0 : input.Features;

    /// <summary>Whether the current activation is image-shaped.</summary>
    public bool IsSpatial => _height > 0;

    /// <summary>Values per example in the current activation.</summary>
    public int Width => IsSpatial ? _channels * _height * _width : _features;

    /// <summary>A flatten layer if the activation is image-shaped, else nothing.</summary>
    public Module<Tensor, Tensor>? FlattenIfSpatial()
    {
        if (!IsSpatial)
        {
            return null;
        }

        _features = Width;
        _height = _width = _channels = 0;
        return Flatten();
    }

    /// <summary>A fully connected layer of <paramref name="outputs"/> from the current (flat) activation.</summary>
    public Module<Tensor, Tensor> Linear(int outputs)
    {
        if (IsSpatial)
        {
            throw new InvalidOperationException("flatten first");
        }

        var layer = nn.Linear(_features, outputs);
        _features = outputs;
        return layer;
    }

    /// <summary>The module for one non-FC layer spec.</summary>
    public Module<Tensor, Tensor> Create(LayerSpec spec) => spec.Kind switch
    {
        LayerKind.Conv => Conv(spec),
        LayerKind.MaxPool => Pool(spec, max: true),
        LayerKind.AvgPool => Pool(spec, max: false),
        LayerKind.FullyConnected => Linear(spec.Size),
        LayerKind.Activation => Activation(spec.Activation ?? "ReLU"),
        LayerKind.Dropout => new SeededDropout(spec.Rate, dropoutGenerator),
        LayerKind.BatchNorm => IsSpatial ? BatchNorm2d(_channels) : BatchNorm1d(_features),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown layer kind"),
    };

    private Module<Tensor, Tensor> Conv(LayerSpec spec)
    {
        if (!IsSpatial)
        {
            throw new InvalidOperationException($"C({spec.Kernel},{spec.Size}) needs an image-shaped input");
        }

        var pad = spec.Padding < 0 ? spec.Kernel / 2 : spec.Padding;
        var stride = Math.Max(1, spec.Stride);
        var conv = Conv2d(_channels, spec.Size, spec.Kernel, stride: stride, padding: pad);
        _channels = spec.Size;
        _height = Out(_height, spec.Kernel, stride, pad, spec);
        _width = Out(_width, spec.Kernel, stride, pad, spec);
        return conv;
    }

    private Module<Tensor, Tensor> Pool(LayerSpec spec, bool max)
    {
        if (!IsSpatial)
        {
            throw new InvalidOperationException("pooling needs an image-shaped input");
        }

        var pad = Math.Max(0, spec.Padding);
        var stride = Math.Max(1, spec.Stride);
        _height = Out(_height, spec.Kernel, stride, pad, spec);
        _width = Out(_width, spec.Kernel, stride, pad, spec);
        return max
            ? MaxPool2d(spec.Kernel, stride, pad)
            : AvgPool2d(spec.Kernel, stride, pad);
    }

    private static int Out(int size, int kernel, int stride, int pad, LayerSpec spec)
    {
        var result = ((size + (2 * pad) - kernel) / stride) + 1;
        return result >= 1
            ? result
            : throw new ArgumentException($"{LayerNotation.Format(spec)} shrinks a {size}-pixel side to nothing");
    }

    private static Module<Tensor, Tensor> Activation(string name) => name.ToUpperInvariant() switch
    {
        "RELU" => ReLU(),
        "LEAKYRELU" => LeakyReLU(0.01),
        "ELU" => ELU(),
        "GELU" => GELU(),
        "TANH" => Tanh(),
        "SIGMOID" => Sigmoid(),
        _ => throw new ArgumentException($"unknown activation '{name}' ({string.Join(", ", LayerNotation.Activations)})"),
    };
}
