using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>How a training run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingStatus>))]
public enum TrainingStatus
{
    /// <summary>Ran all its steps.</summary>
    Completed,

    /// <summary>Stopped by a live command; the curve so far is valid.</summary>
    Stopped,

    /// <summary>The loss became NaN or infinite at <see cref="TrainingOutcome.DivergedAtStep"/>.</summary>
    Diverged,

    /// <summary>The caller's cancellation token fired.</summary>
    Cancelled,

    /// <summary>An external trainer crashed or logged no metric; the message carries the log tail.</summary>
    Failed,

    /// <summary>An external trainer ran past its time limit.</summary>
    TimedOut,
}
