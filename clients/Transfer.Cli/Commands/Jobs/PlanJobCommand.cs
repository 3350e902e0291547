using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Commands.Jobs;

/// <summary>
/// <c>transfer jobs plan &lt;dataset&gt;</c>: what a job on an uploaded dataset would do, without starting it: the
/// benchmark model, scoring, baseline, warm start and the search space; <c>--save-space</c> writes the space to edit
/// and pass to <c>transfer train --space</c>, and <c>--space</c> checks an edited one as a start would.
/// </summary>
public sealed class PlanJobCommand(CliServices services) : TransferCommand<JobsSettings.Plan>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, JobsSettings.Plan settings, CancellationToken cancellationToken)
    {
        var space = settings.Space is null ? null : await SpaceFile.ReadAsync(settings.Space, cancellationToken).ConfigureAwait(false);
        var plan = await client.Jobs.PlanAsync(new CreateJobRequest(settings.DatasetId, Space: space, MaxEpochs: settings.Epochs), cancellationToken).ConfigureAwait(false);
        if (settings.SaveSpace is { } path)
        {
            await SpaceFile.WriteAsync(path, plan.Space, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            CliJson.Write(Services.Json, plan);
            return ExitCodes.Success;
        }

        Services.Out.Write(PlanView.Details(plan));
        Services.Out.WriteLine();
        if (settings.SaveSpace is not null)
        {
            Services.Out.MarkupLine(Markup.Escape($"Saved the search space to {settings.SaveSpace}: edit it, then transfer train <file> --space {settings.SaveSpace}"));
        }

        return ExitCodes.Success;
    }
}
