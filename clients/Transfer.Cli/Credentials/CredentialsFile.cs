namespace Transfer.Cli.Credentials;

/// <summary>The JSON file the embedded server writes on first start: <c>{ "url": ..., "key": ... }</c>.</summary>
public sealed record CredentialsFile(string? Url, string? Key);
