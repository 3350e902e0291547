using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs delete &lt;job&gt;</c>: stops its running trials and removes the job, its trials and its model.</summary>
public sealed class DeleteJobCommand(CliServices services) : TransferCommand<JobsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.ById settings, CancellationToken cancellationToken)
    {
        await client.Jobs.DeleteAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { id = settings.Id, deleted = true });
        }
        else
        {
            Services.Out.MarkupLine($"[green]Deleted[/] {Markup.Escape(settings.Id)}, its trials and its model.");
        }

        return ExitCodes.Success;
    }
}
