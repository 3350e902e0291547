using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Models;

/// <summary>
/// <c>transfer models download &lt;model&gt; [--out]</c>: writes a job's registered model (TorchSharp weights and
/// preprocessing, every member of an ensemble) to a file, which <c>TrainedEnsemble.LoadAsync</c> reads back. The file
/// appears only once complete.
/// </summary>
public sealed class DownloadModelCommand(CliServices services) : TransferCommand<ModelsSettings.Download>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, ModelsSettings.Download settings, CancellationToken cancellationToken)
    {
        var path = settings.Out ?? settings.Id + ".model";
        var bytes = await client.Models.DownloadToFileAsync(settings.Id, path, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { id = settings.Id, path = Path.GetFullPath(path), sizeBytes = bytes });
        }
        else
        {
            Services.Out.MarkupLine($"[green]Downloaded[/] the model of {Markup.Escape(settings.Id)} to {Markup.Escape(path)} ({bytes:N0} bytes).");
        }

        return ExitCodes.Success;
    }
}
