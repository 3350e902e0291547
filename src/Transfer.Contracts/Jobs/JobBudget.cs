using System.Text.Json.Serialization;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// When a job stops starting trials: after <see cref="Trials"/> trials (the baseline and the from-scratch reference
/// included), once <see cref="WallTimeSeconds"/> have passed since it started, or once its trials have held worker
/// devices (a GPU, or a CPU slot) for <see cref="DeviceHours"/> in all, whichever comes first. Trials already running
/// finish. A job asked with no budget, or with none of the three, gets <see cref="DefaultTrials"/> trials.
/// </summary>
/// <param name="Trials">The most trials, 1 to 10,000.</param>
/// <param name="WallTimeSeconds">The most seconds from the job's start (or its last extension) to its last new trial.</param>
/// <param name="DeviceHours">
/// The most device time, in hours, summed over the trials: each attempt counts from the moment it is handed to a worker to
/// its end (a trial re-run after its worker died counts both attempts).
/// </param>
public sealed record JobBudget(int? Trials = null, double? WallTimeSeconds = null, double? DeviceHours = null)
{
    /// <summary>The trials of a job asked with no budget.</summary>
    public const int DefaultTrials = 10;

    /// <summary>Whether none of the three limits is set.</summary>
    [JsonIgnore]
    public bool IsEmpty => Trials is null && WallTimeSeconds is null && DeviceHours is null;
}
