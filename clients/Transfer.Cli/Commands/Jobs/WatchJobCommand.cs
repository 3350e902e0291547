using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer watch &lt;job&gt;</c>: the live trials table until the job finishes (JSON lines of events with <c>--json</c>).</summary>
public sealed class WatchJobCommand(CliServices services) : TransferCommand<JobsSettings.Watch>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.Watch settings, CancellationToken cancellationToken)
    {
        var job = await client.Jobs.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        await LiveJob.FollowAsync(Services, client, job, settings.Json, cancellationToken).ConfigureAwait(false);
        if (!settings.Json)
        {
            Services.Out.Write(JobView.Summary(await client.Jobs.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false)));
            Services.Out.WriteLine();
        }

        return ExitCodes.Success;
    }
}
