using Transfer.Cli;
using Transfer.Cli.Credentials;
using Transfer.Cli.Output;
using Transfer.Client;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// Runs the <c>transfer</c> CLI in-process against a test host: its HTTP client from <c>createClient</c>, its environment
/// (API key, URL) from a dictionary, its home folder given, its output plain text 400 columns wide.
/// </summary>
public static class InProcessCli
{
    /// <summary>Runs the CLI with the API key <paramref name="key"/> against the host.</summary>
    public static Task<CliRun> RunAsync(Func<HttpClient> createClient, string key, string home, params string[] args) =>
        RunAsync(createClient, new Dictionary<string, string> { [CredentialsResolver.KeyVariable] = key, [CredentialsResolver.UrlVariable] = "http://localhost" }, home, args);

    /// <summary>Runs the CLI with the environment variables <paramref name="environment"/> (and no others).</summary>
    public static async Task<CliRun> RunAsync(Func<HttpClient> createClient, IReadOnlyDictionary<string, string> environment, string home, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        var output = new StringWriter();
        var error = new StringWriter();
        var services = CliServices.Captured(
            output,
            error,
            new CredentialsResolver(name => environment.GetValueOrDefault(name), home),
            options => new TransferClient(createClient(), options));
        var exit = await TransferCli.RunAsync(args, services);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>What a run printed, asserting that it succeeded.</summary>
    public static string Ok(CliRun run, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.ExitCode == ExitCodes.Success, $"transfer {string.Join(' ', args)} exited {run.ExitCode}: {run.Error}{run.Out}");
        return run.Out;
    }
}
