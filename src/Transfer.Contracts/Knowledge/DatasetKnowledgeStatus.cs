using System.Text.Json.Serialization;

namespace Transfer.Contracts.Knowledge;

/// <summary>Where a dataset's meta-features are: being computed in the background, ready, or failed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatasetKnowledgeStatus>))]
public enum DatasetKnowledgeStatus
{
    Pending,
    Ready,
    Failed,
}
