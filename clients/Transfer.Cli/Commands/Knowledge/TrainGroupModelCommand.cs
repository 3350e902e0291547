using System.Globalization;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary>
/// <c>transfer kb train-model &lt;group&gt; --model &lt;id&gt;</c>: trains a group's benchmark model on the group's
/// virtual dataset and waits until it is published (admin key).
/// </summary>
public sealed class TrainGroupModelCommand(CliServices services) : TransferCommand<KnowledgeSettings.TrainGroupModel>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.TrainGroupModel settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Model))
        {
            throw new CliUsageException("Say the benchmark model's id with --model <id>.");
        }

        var training = await client.Knowledge.TrainGroupBenchmarkModelAsync(settings.Group, new GroupBenchmarkRequest(settings.Model, settings.Epochs, settings.RunSeed), cancellationToken).ConfigureAwait(false);
        if (!settings.Json)
        {
            Services.Out.MarkupLine(Markup.Escape($"Training {training.ModelId} for group {training.GroupId} on {training.Members.Count} datasets (virtual dataset {training.DatasetId}, job {training.JobId})."));
            foreach (var skipped in training.Skipped)
            {
                Services.Out.MarkupLine(Markup.Escape($"  left out: {skipped}"));
            }
        }

        if (!settings.NoWait)
        {
            training = await Services.Out.Status().StartAsync(
                $"training (job {training.JobId})",
                _ => client.Knowledge.WaitForGroupBenchmarkTrainingAsync(training.ModelId, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            CliJson.Write(Services.Json, training);
        }
        else if (training.Status == GroupBenchmarkStatus.Published)
        {
            Services.Out.MarkupLine(Markup.Escape($"Published {training.ModelId} (validation accuracy {training.ValidationAccuracy?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-"}); see `transfer groups`."));
        }
        else if (training.Status == GroupBenchmarkStatus.Failed)
        {
            Services.Out.MarkupLine(Markup.Escape($"Failed: {training.Error}"));
        }

        return training.Status == GroupBenchmarkStatus.Failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
