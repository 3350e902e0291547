using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer kb features &lt;dataset&gt;</c>: the status of a dataset's meta-features, its group and vector.</summary>
public sealed class ShowMetaFeaturesCommand(CliServices services) : TransferCommand<KnowledgeSettings.ByDataset>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.ByDataset settings, CancellationToken cancellationToken)
    {
        var info = await client.Knowledge.GetMetaFeaturesAsync(settings.Dataset, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, info);
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine($"{Markup.Escape(info.DatasetId)}: [bold]{info.Status}[/]{Markup.Escape(info.Error is null ? "" : $" ({info.Error})")}");
        if (info.Group is { } group)
        {
            Services.Out.MarkupLine(Markup.Escape($"group {group.GroupId} (nearest {group.NearestGroupId}, distance {group.Distance:0.###} of threshold {group.Threshold:0.###}, confidence {group.Confidence:0.##})"));
        }

        if (info.MetaFeatures is { } vector)
        {
            var table = new Table().AddColumn("meta-feature").AddColumn(new TableColumn("value").RightAligned());
            for (var i = 0; i < vector.Names.Count; i++)
            {
                table.AddRow(Markup.Escape(vector.Names[i]), vector.Values[i].ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
            }

            Services.Out.Write(table);
        }

        return ExitCodes.Success;
    }
}
