using Transfer.Cli;
using Transfer.Cli.Credentials;

namespace Transfer.Client.Tests;

/// <summary>Runs <c>transfer</c> in-process with captured stdout, stderr and JSON, its own home folder and environment, and a chosen HTTP handler.</summary>
internal sealed class CliHarness(HttpMessageHandler handler, IReadOnlyDictionary<string, string>? environment = null) : IDisposable
{
    private readonly TempFolder _home = new();

    public List<TransferClientOptions> ClientOptions { get; } = [];

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var services = CliServices.Captured(
            output,
            error,
            new CredentialsResolver(name => environment?.GetValueOrDefault(name), _home.Path),
            options =>
            {
                ClientOptions.Add(options);
                return new TransferClient(new HttpClient(handler, disposeHandler: false), options);
            });
        var exit = await TransferCli.RunAsync(args, services);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _home.Dispose();
}
