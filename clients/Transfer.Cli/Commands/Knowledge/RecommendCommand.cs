using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Knowledge;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer recommend &lt;dataset|file&gt;</c> (a dataset id, or a JSON file with a meta-feature vector): the best configurations of the nearest past datasets, with where they come from.</summary>
public sealed class RecommendCommand(CliServices services) : TransferCommand<KnowledgeSettings.Recommend>(services)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings.Recommend settings, CancellationToken cancellationToken)
    {
        var recommendations = File.Exists(settings.Dataset)
            ? await client.Knowledge.RecommendForVectorAsync(await ReadVectorAsync(settings.Dataset, cancellationToken).ConfigureAwait(false), count: settings.Count, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await client.Knowledge.RecommendForDatasetAsync(settings.Dataset, settings.Count, cancellationToken).ConfigureAwait(false);
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

    /// <summary>A meta-feature vector from a JSON file: the vector itself, or what <c>transfer kb features --json</c> prints.</summary>
    private static async Task<MetaFeatureVector> ReadVectorAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            var element = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("metaFeatures", out var inner) ? inner : root;
            return element.Deserialize<MetaFeatureVector>(Web) is { FeatureSetVersion: not null, Names: not null, Values: not null } vector
                ? vector
                : throw new CliUsageException($"{path} holds no meta-feature vector (featureSetVersion, names, values).");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{path} is not a meta-feature vector: {ex.Message}");
        }
    }
}
