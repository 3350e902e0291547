using System.Globalization;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer groups</c>: the virtual dataset groups of the knowledge base.</summary>
public sealed class GroupsCommand(CliServices services) : TransferCommand<KnowledgeSettings>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings settings, CancellationToken cancellationToken)
    {
        var groups = await client.Knowledge.GetGroupsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, groups);
            return ExitCodes.Success;
        }

        if (groups.ClusteredAt is null)
        {
            Services.Out.MarkupLine("The knowledge base is not clustered yet.");
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine(Markup.Escape($"{groups.Datasets} datasets ({groups.FeatureSetVersion}), clustered {groups.ClusteredAt:u}, silhouette {groups.Silhouette:0.###}"));
        var table = new Table().AddColumns("group", "kind", "members", "radius", "threshold", "benchmark model");
        foreach (var g in groups.Groups)
        {
            table.AddRow(g.Id, g.Kind, g.Members.ToString(CultureInfo.InvariantCulture), g.Radius.ToString("0.###", CultureInfo.InvariantCulture), g.Threshold.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(g.BenchmarkModelId ?? "-"));
        }

        Services.Out.Write(table);
        return ExitCodes.Success;
    }
}
