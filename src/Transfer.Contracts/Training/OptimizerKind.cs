using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>The solver types: Caffe's SGD and Nesterov plus the adaptive ones.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    Sgd,
    Nesterov,
    Adam,
    AdamW,
    AdaDelta,
    RmsProp,
}
