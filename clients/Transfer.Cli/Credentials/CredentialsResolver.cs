using System.Text.Json;

namespace Transfer.Cli.Credentials;

/// <summary>
/// Finds the server URL and the API key, each on its own, in this order: the <c>--url</c>/<c>--key</c> options, the
/// <c>TRANSFER_URL</c>/<c>TRANSFER_API_KEY</c> variables, the credentials file (<c>$TRANSFER_CREDENTIALS</c>, else
/// <c>~/.transfer/credentials.json</c>). The URL falls back to <see cref="DefaultUrl"/>; a key must be found.
/// </summary>
public sealed class CredentialsResolver(Func<string, string?> environment, string homeDirectory)
{
    public const string UrlVariable = "TRANSFER_URL";
    public const string KeyVariable = "TRANSFER_API_KEY";
    public const string FileVariable = "TRANSFER_CREDENTIALS";

    public static readonly Uri DefaultUrl = new("http://127.0.0.1:5080");

    /// <summary>Where the credentials file is looked for.</summary>
    public string CredentialsPath => Variable(FileVariable) ?? Path.Combine(homeDirectory, ".transfer", "credentials.json");

    /// <exception cref="CliUsageException">No key anywhere, a malformed URL, or an unreadable credentials file.</exception>
    public ResolvedCredentials Resolve(string? urlOption, string? keyOption)
    {
        var file = new Lazy<CredentialsFile?>(ReadFile);
        var (url, urlSource) = Pick(urlOption, UrlVariable, () => file.Value?.Url);
        var (key, keySource) = Pick(keyOption, KeyVariable, () => file.Value?.Key);
        if (key is null)
        {
            throw new CliUsageException(
                $"No API key: pass --key, set {KeyVariable}, or start the server once so that it writes {CredentialsPath}.");
        }

        if (url is null)
        {
            return new ResolvedCredentials(DefaultUrl, key, "default", keySource);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"'{url}' (from {urlSource}) is not an http(s) URL.");
        }

        return new ResolvedCredentials(uri, key, urlSource, keySource);
    }

    private (string? Value, string Source) Pick(string? option, string variable, Func<string?> fromFile)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option, "option");
        }

        if (Variable(variable) is { } value)
        {
            return (value, variable);
        }

        return fromFile() is { Length: > 0 } stored ? (stored, CredentialsPath) : (null, "none");
    }

    private string? Variable(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private CredentialsFile? ReadFile()
    {
        var path = CredentialsPath;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"The credentials file {path} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new CliUsageException($"The credentials file {path} cannot be read: {e.Message}", e);
        }
    }
}
