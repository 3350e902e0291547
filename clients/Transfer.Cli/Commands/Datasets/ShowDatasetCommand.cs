using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Datasets;

/// <summary><c>transfer datasets show &lt;id&gt;</c>: schema, classes and stored files of one dataset.</summary>
public sealed class ShowDatasetCommand(CliServices services) : TransferCommand<DatasetsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, DatasetsSettings.ById settings, CancellationToken cancellationToken)
    {
        var info = await client.Datasets.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, info);
        }
        else
        {
            Services.Out.Write(DatasetView.Details(info));
        }

        return ExitCodes.Success;
    }
}
