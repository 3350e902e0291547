using System.Text.Json.Serialization;

namespace Transfer.Contracts.Jobs;

/// <summary>Where an auto-training job is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    Running,
    Completed,
    Stopped,
    Failed,
}
