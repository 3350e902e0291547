using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>Caffe's learning-rate policies, plus cosine annealing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LrPolicy>))]
public enum LrPolicy
{
    /// <summary><c>base_lr</c>.</summary>
    Fixed,

    /// <summary><c>base_lr · gamma^floor(iter / stepsize)</c>.</summary>
    Step,

    /// <summary><c>base_lr · gamma^(number of stepvalues ≤ iter)</c>.</summary>
    MultiStep,

    /// <summary><c>base_lr · gamma^iter</c>.</summary>
    Exp,

    /// <summary><c>base_lr · (1 + gamma · iter)^(−power)</c>.</summary>
    Inv,

    /// <summary><c>base_lr · (1 − iter / max_iter)^power</c>.</summary>
    Poly,

    /// <summary><c>base_lr · ½ (1 + cos(π · iter / max_iter))</c>.</summary>
    Cosine,
}
