namespace Transfer.Cli.Credentials;

/// <summary>The server URL and API key a command will use, and where each came from (option, environment variable or file path).</summary>
public sealed record ResolvedCredentials(Uri Url, string Key, string UrlSource, string KeySource);
