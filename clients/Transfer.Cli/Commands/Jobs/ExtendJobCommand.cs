using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs extend &lt;job&gt; --trials N</c>: more trials; a finished job continues from its history.</summary>
public sealed class ExtendJobCommand(CliServices services) : TransferCommand<JobsSettings.Extend>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.Extend settings, CancellationToken cancellationToken)
    {
        var job = await client.Jobs.ExtendAsync(settings.Id, settings.Trials, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, job);
        }
        else
        {
            Services.Out.WriteLine($"Extended {job.Id} by {settings.Trials} trial(s): {job.Status}.");
        }

        return ExitCodes.Success;
    }
}
