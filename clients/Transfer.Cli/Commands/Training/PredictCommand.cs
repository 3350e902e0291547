using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Training;

/// <summary><c>transfer predict &lt;model&gt; &lt;path&gt; [--trial N]</c>: each example's predicted class and its probability.</summary>
public sealed class PredictCommand(CliServices services) : TransferCommand<PredictSettings>(services)
{
    private const int ShownRows = 50;

    protected override async Task<int> RunAsync(TransferClient client, PredictSettings settings, CancellationToken cancellationToken)
    {
        var result = settings.Trial is { } trial
            ? await client.Models.PredictWithTrialAsync(settings.Model, trial, settings.Path, cancellationToken).ConfigureAwait(false)
            : await client.Models.PredictAsync(settings.Model, settings.Path, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, result);
            return ExitCodes.Success;
        }

        var named = result.Predictions.Any(p => p.Name is not null);
        var table = new Table().Border(TableBorder.Rounded).AddColumns(named ? ["#", "Image", "Class", "Probability"] : ["#", "Class", "Probability"]);
        foreach (var (p, i) in result.Predictions.Take(ShownRows).Select((p, i) => (p, i)))
        {
            table.AddRow(named
                ? [$"{i}", Markup.Escape(p.Name ?? ""), Markup.Escape(p.Class), JobView.Number(p.Probabilities.Max())]
                : [$"{i}", Markup.Escape(p.Class), JobView.Number(p.Probabilities.Max())]);
        }

        Services.Out.Write(table);
        if (result.MissingColumns is { Count: > 0 } missing)
        {
            Services.Error.MarkupLine($"[yellow]The CSV lacks {(missing.Count == 1 ? "a column" : "columns")} the model was trained on ({Markup.Escape(string.Join(", ", missing))}); {(missing.Count == 1 ? "it was" : "they were")} treated as missing in every row.[/]");
        }

        var counts = result.Predictions.GroupBy(p => p.Class).Select(g => $"{g.Key}: {g.Count()}");
        Services.Out.WriteLine($"{result.Predictions.Count} example{(result.Predictions.Count == 1 ? "" : "s")} ({string.Join(", ", counts)}){(result.Predictions.Count > ShownRows ? $"; the first {ShownRows} shown" : "")}.");
        return ExitCodes.Success;
    }
}
