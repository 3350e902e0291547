using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs trials &lt;job&gt;</c>: each trial's status, validation and test score, epoch, light, model (the fold models it averages) and configuration.</summary>
public sealed class JobTrialsCommand(CliServices services) : TransferCommand<JobsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.ById settings, CancellationToken cancellationToken)
    {
        var trials = await client.Jobs.GetTrialsAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, trials);
        }
        else
        {
            Services.Out.Write(JobView.Trials(trials));
        }

        return ExitCodes.Success;
    }
}
