using System.Text.Json.Serialization;

namespace Transfer.Contracts.Tenants;

/// <summary>What a key may do: <see cref="User"/> works inside its tenant; <see cref="Admin"/> also manages tenants and keys.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    User,
    Admin,
}
