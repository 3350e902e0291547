using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>What a <see cref="TrainingReport"/> carries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    /// <summary>A curve point: train loss since the last point and, where there is a validation split, its metrics.</summary>
    Progress,

    /// <summary>A live command took effect (stop, pause, resume, a solver value change).</summary>
    Event,

    /// <summary>The run ended; <see cref="TrainingReport.Status"/> says how.</summary>
    Finished,
}
