using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>The layer kinds of the seed's network notation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LayerKind>))]
public enum LayerKind
{
    /// <summary><c>C(k,n)</c>: a k×k convolution with n output channels (stride 1, "same" padding unless given).</summary>
    Conv,

    /// <summary><c>P(k,s)</c>: max pooling with kernel k and stride s.</summary>
    MaxPool,

    /// <summary><c>AP(k,s)</c>: average pooling with kernel k and stride s.</summary>
    AvgPool,

    /// <summary><c>FC(n)</c>: a fully connected layer with n outputs (flattens image-shaped input first).</summary>
    FullyConnected,

    /// <summary>An activation: <c>ReLU</c>, <c>LeakyReLU</c>, <c>ELU</c>, <c>GELU</c>, <c>Tanh</c> or <c>Sigmoid</c>.</summary>
    Activation,

    /// <summary><c>D(p)</c>: dropout with probability p.</summary>
    Dropout,

    /// <summary><c>BN</c>: batch normalisation (2-d after convolutions, 1-d after fully connected layers).</summary>
    BatchNorm,
}
