using Transfer.Cli;

namespace Transfer.Client.Tests;

/// <summary>
/// <c>transfer kb publish-model</c> refuses what it can tell is wrong before it sends anything: no group or two ways of
/// naming one, a folder without a manifest, a manifest that is not one or names weights that are not there.
/// </summary>
public sealed class PublishModelCliArgumentsTests
{
    private static readonly string Clothing = Path.Combine(SeedData.Root, "knowledge-base-seeds", "benchmark-models", "cnn-fmnist-clothing6");

    [Theory]
    [InlineData("")]
    [InlineData("--group g1 --group-of fmnist-shoes-a")]
    public async Task ItNeedsExactlyOneWayOfNamingTheGroup(string group)
    {
        var run = await RunAsync(["kb", "publish-model", Clothing, .. group.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--group <id> (see `transfer groups`) or --group-of <dataset>, not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithoutAUsableManifestOrWeightsIsRefusedByName()
    {
        using var temp = new TempFolder();
        var empty = Directory.CreateDirectory(Path.Combine(temp.Path, "empty")).FullName;
        var broken = Path.GetDirectoryName(temp.Write("broken/model.json", "{ \"id\": "))!;
        var partial = Path.GetDirectoryName(temp.Write("partial/model.json", "{ \"id\": \"cnn-x\" }"))!;
        var weightless = Path.GetDirectoryName(temp.Write("weightless/model.json", File.ReadAllText(Path.Combine(Clothing, "model.json"))))!;

        var runs = new List<CliRun>();
        foreach (var folder in new[] { empty, broken, partial, weightless })
        {
            runs.Add(await RunAsync(["kb", "publish-model", folder, "--group", "g1"]));
        }

        Assert.All(runs, r => Assert.Equal(ExitCodes.BadInput, r.ExitCode));
        Assert.Contains("model.json not found: give a benchmark model's folder", runs[0].Error, StringComparison.Ordinal);
        Assert.Contains("is not a benchmark model manifest ({id, spec, weights})", runs[1].Error, StringComparison.Ordinal);
        Assert.Contains("it needs id, spec and weights", runs[2].Error, StringComparison.Ordinal);
        Assert.Contains("weights.bin not found", runs[3].Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunAsync(string[] args)
    {
        using var handler = new RoutedHandler(r => throw new InvalidOperationException($"no request should be sent: {r.RequestUri}"));
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k", ["TRANSFER_URL"] = "http://transfer.test" });
        var run = await harness.RunAsync(args);
        Assert.Empty(handler.Seen);
        return run;
    }
}
