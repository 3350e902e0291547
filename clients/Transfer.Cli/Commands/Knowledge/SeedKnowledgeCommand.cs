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
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

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

    /// <summary>Polls the seeded datasets' meta-features, then asks for a re-clustering and waits for it; returns the failures.</summary>
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

        var failed = new List<string>();
        async Task Run(Action<double, string> progress)
        {
            var done = 0;
            foreach (var (name, id) in ids)
            {
                DatasetKnowledgeInfo known;
                while ((known = await client.Knowledge.GetMetaFeaturesAsync(id, cancellationToken).ConfigureAwait(false)).Status == DatasetKnowledgeStatus.Pending)
                {
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }

                if (known.Status == DatasetKnowledgeStatus.Failed)
                {
                    failed.Add($"{name}: {known.Error}");
                }

                progress(100.0 * ++done / (ids.Count + 1), $"meta-features {done}/{ids.Count}");
            }

            // A published image benchmark model changes the feature set (its embedding joins it): wait until every
            // vector is of the version the server extracts now.
            foreach (var (name, id) in ids)
            {
                while (await client.Knowledge.GetGroupsAsync(cancellationToken).ConfigureAwait(false) is { CurrentFeatureSetVersion: { } version }
                    && await client.Knowledge.GetMetaFeaturesAsync(id, cancellationToken).ConfigureAwait(false) is { Status: not DatasetKnowledgeStatus.Failed } known
                    && known.MetaFeatures?.FeatureSetVersion != version)
                {
                    progress(100.0 * done / (ids.Count + 1), $"meta-features of {name}: {known.MetaFeatures?.FeatureSetVersion ?? "pending"} → {version}");
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }
            }

            // Wait for the server's clustering time to move on (its clock, not ours).
            var before = (await client.Knowledge.GetGroupsAsync(cancellationToken).ConfigureAwait(false)).ClusteredAt;
            await client.Knowledge.RequestReclusterAsync(cancellationToken).ConfigureAwait(false);
            while ((await client.Knowledge.GetGroupsAsync(cancellationToken).ConfigureAwait(false)).ClusteredAt is not { } at || at == before)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }

            progress(100, "grouped");
        }

        if (quiet)
        {
            await Run((_, _) => { }).ConfigureAwait(false);
        }
        else
        {
            await Services.Out.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("knowledge base", maxValue: 100);
                await Run((value, description) =>
                {
                    task.Value = value;
                    task.Description = Markup.Escape(description); // server text, e.g. "[cnn-fmnist-clothing6:64]", is not markup
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        return failed;
    }
}
