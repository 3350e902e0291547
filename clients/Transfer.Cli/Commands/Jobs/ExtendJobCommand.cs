using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs extend &lt;job&gt; [--trials N] [--budget …]</c>: more budget; a finished job continues from its history.</summary>
public sealed class ExtendJobCommand(CliServices services) : TransferCommand<JobsSettings.Extend>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.Extend settings, CancellationToken cancellationToken)
    {
        var extension = settings.Extension;
        var job = await client.Jobs.ExtendAsync(settings.Id, extension, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, job);
        }
        else
        {
            Services.Out.WriteLine($"Extended {job.Id}: {job.Status}; budget now {JobView.BudgetUse(job)}.");
        }

        return ExitCodes.Success;
    }
}
