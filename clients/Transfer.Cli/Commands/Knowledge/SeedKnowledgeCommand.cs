using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Client.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer kb seed &lt;folder&gt;</c>: uploads the seed datasets, publishes benchmark models, imports histories (admin key; idempotent).</summary>
public sealed class SeedKnowledgeCommand(CliServices services) : TransferCommand<KnowledgeSettings.Seed>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.Seed settings, CancellationToken cancellationToken)
    {
        var log = settings.Json ? null : new Action<string>(line => Services.Out.MarkupLine(Markup.Escape(line)));
        var report = await new KnowledgeSeeder(client).SeedAsync(settings.Folder, settings.Exclude, log, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, report);
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine(report.ChangedAnything
            ? $"[green]Seeded[/]: {report.DatasetsUploaded.Count} datasets, {report.ModelsPublished.Count} benchmark models, {report.HistoriesImported.Count} histories added."
            : "Nothing new: the knowledge base already holds every seed.");
        Services.Out.MarkupLine($"Already there: {report.DatasetsKept.Count} datasets, {report.ModelsKept.Count} models, {report.HistoriesKept.Count} histories.");
        return ExitCodes.Success;
    }
}
