using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Commands.Jobs;

/// <summary><c>transfer jobs list</c>: every job of the tenant, all pages.</summary>
public sealed class ListJobsCommand(CliServices services) : TransferCommand<JobsSettings.Listing>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.Listing settings, CancellationToken cancellationToken)
    {
        var jobs = new List<JobInfo>();
        await foreach (var job in client.Jobs.ListAsync(settings.PageSize, cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(job);
        }

        if (settings.Json)
        {
            CliJson.Write(Services.Json, jobs);
        }
        else if (jobs.Count == 0)
        {
            Services.Out.WriteLine("No jobs yet: start one with `transfer train <path>`.");
        }
        else
        {
            Services.Out.Write(JobView.List(jobs));
        }

        return ExitCodes.Success;
    }
}
