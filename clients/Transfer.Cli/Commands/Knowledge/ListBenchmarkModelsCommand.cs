using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer kb models</c>: the published benchmark models.</summary>
public sealed class ListBenchmarkModelsCommand(CliServices services) : TransferCommand<KnowledgeSettings>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings settings, CancellationToken cancellationToken)
    {
        var models = await client.Knowledge.ListBenchmarkModelsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, models);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("id", "spec", "source dataset", "group", "size");
        foreach (var m in models)
        {
            table.AddRow(Markup.Escape(m.Id), Markup.Escape(m.Spec.ToString()), Markup.Escape(m.SourceDataset ?? ""), Markup.Escape(m.Group ?? ""), ByteSize.Format(m.SizeBytes));
        }

        Services.Out.Write(table);
        return ExitCodes.Success;
    }
}
