using System.Text.Json.Serialization;

namespace Transfer.Contracts.Datasets;

/// <summary>Where a dataset is in its life: validated and stored (<see cref="Ready"/>), or being deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatasetStatus>))]
public enum DatasetStatus
{
    Ready,
    Deleting,
}
