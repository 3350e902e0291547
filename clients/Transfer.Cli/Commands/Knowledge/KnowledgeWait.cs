using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Client;
using Transfer.Contracts.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary>
/// Waits until the knowledge base has caught up with a change (seed datasets uploaded, a benchmark model published): every
/// dataset's meta-features computed, of the feature-set version the server extracts now (a published image model's
/// embedding joins the features, and the server re-extracts every dataset), then one re-clustering with them.
/// </summary>
internal static class KnowledgeWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Waits for the datasets <paramref name="ids"/> (by name), with a progress bar unless <paramref name="quiet"/>; returns those whose meta-features failed.</summary>
    public static async Task<List<string>> UntilGroupedAsync(CliServices services, TransferClient client, IReadOnlyDictionary<string, string> ids, bool quiet, CancellationToken cancellationToken)
    {
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
            await services.Out.Progress().StartAsync(async context =>
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
