using System.Text.Json.Serialization;

namespace Transfer.Contracts.Jobs;

/// <summary>Where a trial is: waiting for a worker, training, done, stopped early (pruned or by a user), or failed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrialStatus>))]
public enum TrialStatus
{
    Queued,
    Running,
    Paused,
    Completed,
    Pruned,
    Stopped,
    Failed,
}
