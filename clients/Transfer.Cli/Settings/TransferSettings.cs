using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>Options every command takes: where the server is, the key, and JSON output.</summary>
public class TransferSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("Server URL (else $TRANSFER_URL, else the credentials file, else http://127.0.0.1:5080).")]
    public string? Url { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("API key (else $TRANSFER_API_KEY, else the credentials file).")]
    public string? Key { get; init; }

    [CommandOption("--json")]
    [Description("Print plain JSON on stdout and nothing else.")]
    public bool Json { get; init; }
}
