using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs stop &lt;job&gt;</c>: no new trials; running ones are stopped.</summary>
public sealed class StopJobCommand(CliServices services) : TransferCommand<JobsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.ById settings, CancellationToken cancellationToken)
    {
        var job = await client.Jobs.StopAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, job);
        }
        else
        {
            // A job that had completed or failed stays so, and one registering its model (every trial ended) goes on to
            // complete: stopping either changes nothing.
            var what = job.Status switch
            {
                JobStatus.Stopped when job.TrialsFinished < job.TrialsStarted => "Stopping",
                JobStatus.Stopped => "Stopped",
                JobStatus.Running => "Nothing to stop, its trials have all ended and its model is being registered:",
                _ => "Nothing to stop, it had finished:",
            };
            Services.Out.WriteLine($"{what} {job.Id}: {job.Status}, {job.TrialsFinished} of {job.TrialsStarted} trials done.");
        }

        return ExitCodes.Success;
    }
}
