using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Datasets;

/// <summary><c>transfer datasets delete &lt;id&gt;</c>.</summary>
public sealed class DeleteDatasetCommand(CliServices services) : TransferCommand<DatasetsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, DatasetsSettings.ById settings, CancellationToken cancellationToken)
    {
        await client.Datasets.DeleteAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { id = settings.Id, deleted = true });
        }
        else
        {
            Services.Out.MarkupLine($"[green]Deleted[/] {Markup.Escape(settings.Id)}.");
        }

        return ExitCodes.Success;
    }
}
