using System.Globalization;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer recommend &lt;dataset&gt;</c>: the best configurations of the nearest past datasets, with where they come from.</summary>
public sealed class RecommendCommand(CliServices services) : TransferCommand<KnowledgeSettings.Recommend>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.Recommend settings, CancellationToken cancellationToken)
    {
        var recommendations = await client.Knowledge.RecommendForDatasetAsync(settings.Dataset, settings.Count, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, recommendations);
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine(Markup.Escape("Neighbours: " + string.Join(", ", recommendations.Neighbours.Select(n => $"{n.DatasetId} (distance {n.Distance:0.###}, weight {n.Weight:0.##})"))));
        var table = new Table().AddColumns("configuration", "expected", "utility", "tried on");
        foreach (var item in recommendations.Items)
        {
            var configuration = string.Join(", ", item.Configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.GetRawText()}"));
            table.AddRow(Markup.Escape(configuration), item.ExpectedScore.ToString("0.###", CultureInfo.InvariantCulture), item.Utility.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", item.DatasetIds)));
        }

        Services.Out.Write(table);
        return ExitCodes.Success;
    }
}
