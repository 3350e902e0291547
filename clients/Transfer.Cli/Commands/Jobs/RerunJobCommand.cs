using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Commands.Jobs;

/// <summary>
/// <c>transfer jobs rerun &lt;job&gt;</c>: runs the job's failed trials again, each from scratch with its configuration; a
/// finished job runs again until they end. Follow it with <c>transfer watch</c>.
/// </summary>
public sealed class RerunJobCommand(CliServices services) : TransferCommand<JobsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.ById settings, CancellationToken cancellationToken)
    {
        var failed = (await client.Jobs.GetTrialsAsync(settings.Id, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Status == TrialStatus.Failed)
            .Select(t => t.Number)
            .ToList();
        var job = await client.Jobs.RerunFailedAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, job);
        }
        else if (failed.Count == 0)
        {
            Services.Out.WriteLine($"Nothing to re-run, no trial of {job.Id} failed: {job.Status}.");
        }
        else
        {
            Services.Out.WriteLine($"Re-running {failed.Count} failed trial(s) of {job.Id} ({string.Join(", ", failed)}): {job.Status}. Follow it with: transfer watch {job.Id}");
        }

        return ExitCodes.Success;
    }
}
