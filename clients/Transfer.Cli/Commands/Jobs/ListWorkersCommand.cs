using System.Globalization;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer workers</c>: each silo's CPU, memory and activations.</summary>
public sealed class ListWorkersCommand(CliServices services) : TransferCommand<TransferSettings>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TransferSettings settings, CancellationToken cancellationToken)
    {
        var workers = await client.Workers.ListAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, workers);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Silo", "Host", "Status", "CPU", "Memory used", "Total", "Activations", "GPU");
        foreach (var w in workers)
        {
            table.AddRow(
                Markup.Escape(w.Name ?? w.Address),
                Markup.Escape(w.HostName ?? ""),
                w.Status,
                w.CpuPercent is { } cpu ? cpu.ToString("0", CultureInfo.InvariantCulture) + "%" : "-",
                w.MemoryUsedBytes is { } used ? ByteSize.Format(used) : "-",
                w.MemoryTotalBytes is { } total ? ByteSize.Format(total) : "-",
                w.Activations.ToString(CultureInfo.InvariantCulture),
                w.GpuPercent is { } gpu ? gpu.ToString("0", CultureInfo.InvariantCulture) + "%" : "-");
        }

        Services.Out.Write(table);
        return ExitCodes.Success;
    }
}
