using Transfer.Client;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Knowledge;

namespace Transfer.Bench.Transfer;

/// <summary>
/// Seeds the knowledge base the way an admin does (<c>transfer kb seed</c>), from a copy of knowledge-base-seeds without
/// the task's own dataset and history (the task must be new to the knowledge base), then waits until every dataset has
/// its meta-features and a grouping exists.
/// </summary>
public static class KnowledgeSetup
{
    public static async Task<SeedReport> SeedWithoutAsync(TransferClient client, string seeds, string task, CancellationToken cancellationToken = default)
    {
        var copy = Directory.CreateTempSubdirectory("transfer-bench-seeds-").FullName;
        try
        {
            Copy(seeds, copy, path => path == Path.Combine("datasets", task) || path == Path.Combine("histories", task + ".json"));
            return await new KnowledgeSeeder(client).SeedAsync(copy, line => Console.WriteLine($"  kb: {line}"), cancellationToken);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Waits for the meta-features of <paramref name="datasetIds"/>, then asks for a re-clustering and waits for the group of the last one.</summary>
    public static async Task<(GroupAssignment? Group, GroupsInfo Groups)> WaitForGroupsAsync(TransferClient client, IReadOnlyList<string> datasetIds, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var id in datasetIds)
        {
            await UntilAsync(() => client.Knowledge.GetMetaFeaturesAsync(id, cancellationToken), info => info.Status != DatasetKnowledgeStatus.Pending, deadline, $"meta-features of {id}", cancellationToken);
        }

        await client.Knowledge.RequestReclusterAsync(cancellationToken);
        return await UntilAsync(
            async () => (Group: (await client.Knowledge.GetMetaFeaturesAsync(datasetIds[^1], cancellationToken)).Group, Groups: await client.Knowledge.GetGroupsAsync(cancellationToken)),
            p => p.Groups.Datasets >= datasetIds.Count && p.Group is not null,
            deadline,
            "the grouping",
            cancellationToken);
    }

    /// <summary>
    /// Waits until the background work after a benchmark model was published has caught up: every dataset's meta-features
    /// ready in the host's current feature set (<see cref="GroupsInfo.CurrentFeatureSetVersion"/>), then a re-clustering in it.
    /// </summary>
    public static async Task WaitForCurrentVersionAsync(TransferClient client, IReadOnlyList<string> datasetIds, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var current = (await client.Knowledge.GetGroupsAsync(cancellationToken)).CurrentFeatureSetVersion;
        foreach (var id in datasetIds)
        {
            await UntilAsync(
                () => client.Knowledge.GetMetaFeaturesAsync(id, cancellationToken),
                info => info.Status == DatasetKnowledgeStatus.Ready && info.MetaFeatures?.FeatureSetVersion == current,
                deadline,
                $"meta-features of {id} in {current}",
                cancellationToken);
        }

        await client.Knowledge.RequestReclusterAsync(cancellationToken);
        await UntilAsync(() => client.Knowledge.GetGroupsAsync(cancellationToken), g => g.FeatureSetVersion == current, deadline, $"a grouping in {current}", cancellationToken);
    }

    /// <summary>Waits until the knowledge base recommends at least <paramref name="count"/> configurations for the dataset.</summary>
    public static Task<Recommendations> WaitForRecommendationsAsync(TransferClient client, string datasetId, int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        UntilAsync(
            () => client.Knowledge.RecommendForDatasetAsync(datasetId, count, cancellationToken),
            r => r.Items.Count >= count,
            DateTime.UtcNow + timeout,
            $"{count} recommendations for {datasetId}",
            cancellationToken);

    /// <summary>Polls <paramref name="read"/> every second until <paramref name="done"/> holds; a timeout past <paramref name="deadline"/>.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, DateTime deadline, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited too long for {what}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static void Copy(string from, string to, Func<string, bool> skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip(relative) || skip(Path.GetDirectoryName(relative) ?? ""))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
