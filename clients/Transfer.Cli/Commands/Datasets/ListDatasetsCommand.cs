using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Datasets;

namespace Transfer.Cli.Commands.Datasets;

/// <summary><c>transfer datasets list</c>: every dataset of the tenant, all pages.</summary>
public sealed class ListDatasetsCommand(CliServices services) : TransferCommand<DatasetsSettings.Listing>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, DatasetsSettings.Listing settings, CancellationToken cancellationToken)
    {
        var datasets = new List<DatasetInfo>();
        await foreach (var dataset in client.Datasets.ListAsync(settings.PageSize, cancellationToken).ConfigureAwait(false))
        {
            datasets.Add(dataset);
        }

        if (settings.Json)
        {
            CliJson.Write(Services.Json, datasets);
        }
        else if (datasets.Count == 0)
        {
            Services.Out.WriteLine("No datasets yet: upload one with `transfer datasets upload <path>`.");
        }
        else
        {
            Services.Out.Write(DatasetView.List(datasets));
        }

        return ExitCodes.Success;
    }
}
