using Spectre.Console.Cli;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Client.Problems;

namespace Transfer.Cli.Commands;

/// <summary>
/// Every command's frame: resolve URL and key, build the client, run, and turn failures into a clear message on stderr and
/// an exit code (<see cref="ExitCodes"/>): 2 for bad input and 4xx problems, 1 for anything else.
/// </summary>
public abstract class TransferCommand<TSettings>(CliServices services) : AsyncCommand<TSettings>
    where TSettings : TransferSettings
{
    protected CliServices Services => services;

    /// <summary>The running command's context (its name and the data it was registered with).</summary>
    protected CommandContext Context { get; private set; } = null!;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        Uri? server = null;
        Context = context;
        try
        {
            var credentials = services.Credentials.Resolve(settings.Url, settings.Key);
            server = credentials.Url;
            using var client = services.CreateClient(new TransferClientOptions { Endpoint = credentials.Url, ApiKey = credentials.Key });
            return await RunAsync(client, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (TransferProblemException e)
        {
            ErrorReport.Problem(services.Error, e.Problem);
            return e.IsClientError ? ExitCodes.BadInput : ExitCodes.Failure;
        }
        catch (Exception e) when (e is CliUsageException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            ErrorReport.Message(services.Error, e.Message);
            return ExitCodes.BadInput;
        }
        catch (HttpRequestException e)
        {
            ErrorReport.Message(services.Error, $"Cannot reach the server at {server}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidDataException)
        {
            ErrorReport.Message(services.Error, e.Message);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command's work; return an exit code. Problems and usage errors may simply be thrown.</summary>
    protected abstract Task<int> RunAsync(TransferClient client, TSettings settings, CancellationToken cancellationToken);
}
