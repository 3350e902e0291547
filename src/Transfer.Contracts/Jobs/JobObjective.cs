using System.Text.Json.Serialization;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// What a job optimises: a validation metric, <c>accuracy</c> (maximised) or <c>loss</c> (minimised). The direction follows
/// from the metric; <see cref="Maximize"/> may be left out, and when given it must agree (the server fills it in).
/// </summary>
public sealed record JobObjective(string Metric = JobObjective.Accuracy, bool? Maximize = null)
{
    public const string Accuracy = "accuracy";

    public const string Loss = "loss";

    /// <summary>Whether a higher value is better: <see cref="Maximize"/>, else the metric's own direction.</summary>
    [JsonIgnore]
    public bool Maximizes => Maximize ?? !string.Equals(Metric, Loss, StringComparison.Ordinal);
}
