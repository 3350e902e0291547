using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs show &lt;job&gt;</c>: the job's state, best trial, baseline and test score.</summary>
public sealed class ShowJobCommand(CliServices services) : TransferCommand<JobsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.ById settings, CancellationToken cancellationToken)
    {
        var job = await client.Jobs.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, job);
        }
        else
        {
            Services.Out.Write(JobView.Details(job));
        }

        return ExitCodes.Success;
    }
}
