using TorchSharp.Modules;

namespace Transfer.Training.Modules;

/// <summary>The trainable parameters of one layer with its <c>lr_mult</c> and <c>decay_mult</c>.</summary>
public sealed record ParameterGroup(string Layer, IReadOnlyList<Parameter> Parameters, double LrMult, double DecayMult);
