using System.Text.Json.Serialization;

namespace Transfer.Contracts.Training;

/// <summary>How an external trainer receives its configuration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfigPassing>))]
public enum ConfigPassing
{
    /// <summary><c>--name value</c> appended to the arguments.</summary>
    Arguments,

    /// <summary>Environment variables <c>TRANSFER_NAME=value</c> (name upper-cased, non-alphanumerics as <c>_</c>).</summary>
    Environment,

    /// <summary>A JSON object in a temporary file whose path replaces <c>{config}</c> in the arguments (or is appended as <c>--config path</c>) and is in <c>TRANSFER_CONFIG</c>.</summary>
    JsonFile,
}
