using Spectre.Console;
using Transfer.Cli.Credentials;
using Transfer.Client;

namespace Transfer.Cli;

/// <summary>
/// What commands reach the world through: the consoles, the JSON writer, the credentials and the client factory.
/// <see cref="FromProcess"/> binds them to the real process; tests bind them to string writers and a test server.
/// </summary>
/// <param name="Out">Human output (tables, progress): stdout.</param>
/// <param name="Error">Problems and errors: stderr.</param>
/// <param name="Json">Where <c>--json</c> output goes: stdout, unwrapped.</param>
/// <param name="Credentials">Resolves URL and key.</param>
/// <param name="CreateClient">Builds the client for resolved options.</param>
public sealed record CliServices(
    IAnsiConsole Out,
    IAnsiConsole Error,
    TextWriter Json,
    CredentialsResolver Credentials,
    Func<TransferClientOptions, TransferClient> CreateClient)
{
    public static CliServices FromProcess() => new(
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.Out,
        new CredentialsResolver(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify)),
        options => new TransferClient(options));

    /// <summary>
    /// Binds the consoles to <paramref name="output"/> and <paramref name="error"/> as plain text (no ANSI codes, no colour,
    /// nothing interactive) <paramref name="width"/> columns wide, and <c>--json</c> to <paramref name="output"/>: for
    /// running the CLI in-process and reading what it printed.
    /// </summary>
    public static CliServices Captured(TextWriter output, TextWriter error, CredentialsResolver credentials, Func<TransferClientOptions, TransferClient> createClient, int width = 400) =>
        new(PlainConsole(output, width), PlainConsole(error, width), output, credentials, createClient);

    private static IAnsiConsole PlainConsole(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
