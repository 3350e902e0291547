using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary>
/// <c>transfer kb seed &lt;folder&gt;</c>: uploads the seed datasets, publishes benchmark models, imports histories
/// (admin key; idempotent); with <c>--wait</c> it returns once the knowledge base has computed and grouped them.
/// </summary>
public sealed class SeedKnowledgeCommand(CliServices services) : TransferCommand<KnowledgeSettings.Seed>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.Seed settings, CancellationToken cancellationToken)
    {
        var log = settings.Json ? null : new Action<string>(line => Services.Out.MarkupLine(Markup.Escape(line)));
        var report = await new KnowledgeSeeder(client).SeedAsync(settings.Folder, settings.Exclude, log, cancellationToken).ConfigureAwait(false);
        var failed = settings.Wait ? await WaitAsync(client, report, settings.Json, cancellationToken).ConfigureAwait(false) : [];
        if (settings.Json)
        {
            CliJson.Write(Services.Json, report);
            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }

        Services.Out.MarkupLine(report.ChangedAnything
            ? $"[green]Seeded[/]: {report.DatasetsUploaded.Count} datasets, {report.ModelsPublished.Count} benchmark models, {report.HistoriesImported.Count} histories added."
            : "Nothing new: the knowledge base already holds every seed.");
        Services.Out.MarkupLine($"Already there: {report.DatasetsKept.Count} datasets, {report.ModelsKept.Count} models, {report.HistoriesKept.Count} histories.");
        foreach (var line in failed)
        {
            Services.Out.MarkupLine(Markup.Escape($"meta-features failed: {line}"));
        }

        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The seeded datasets' ids by name, then <see cref="KnowledgeWait.UntilGroupedAsync"/>; returns the failures.</summary>
    private async Task<List<string>> WaitAsync(TransferClient client, SeedReport report, bool quiet, CancellationToken cancellationToken)
    {
        var names = report.DatasetsUploaded.Concat(report.DatasetsKept).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var dataset in client.Datasets.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (names.Contains(dataset.Name))
            {
                ids.TryAdd(dataset.Name, dataset.Id);
            }
        }

        return await KnowledgeWait.UntilGroupedAsync(Services, client, ids, quiet, cancellationToken).ConfigureAwait(false);
    }
}
