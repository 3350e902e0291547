using System.Security.Cryptography;
using System.Text.Json;
using Transfer.Cli;
using Transfer.Cli.Credentials;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Tenants;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>The <c>transfer</c> CLI run in-process against the real host: the commands a user and an admin type, end to end.</summary>
[Collection(HostCollection.Name)]
public sealed class CliTests(TransferHostFixture host) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("transfer-cli-e2e-").FullName;

    [Fact]
    public async Task AUserUploadsListsShowsDownloadsAndDeletesDatasets()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var csvPath = Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv");
        var zipPath = Path.Combine(RepositoryPaths.SeedDataset("fmnist-bags-zip"), "images.zip");

        var csv = Parse<DatasetInfo>(await RunOkAsync(key.Key, "datasets", "upload", csvPath, "--json"));
        var zip = Parse<DatasetInfo>(await RunOkAsync(key.Key, "datasets", "upload", zipPath, "--name", "bags", "--json"));
        Assert.Equal(("iris", DatasetFormat.Csv, 150L), (csv.Name, csv.Schema.Format, csv.Schema.Examples));
        Assert.Equal(("bags", DatasetFormat.ImageZip), (zip.Name, zip.Schema.Format));

        var listed = Parse<List<DatasetInfo>>(await RunOkAsync(key.Key, "datasets", "list", "--page-size", "1", "--json"));
        Assert.Equal(new[] { csv.Id, zip.Id }.Order(), listed.Select(d => d.Id).Order());

        var shown = Parse<DatasetInfo>(await RunOkAsync(key.Key, "datasets", "show", csv.Id, "--json"));
        Assert.Equal(csv.Files, shown.Files);

        var outFile = Path.Combine(_folder, "iris-copy.csv");
        await RunOkAsync(key.Key, "datasets", "download", csv.Id, "--part", "data", "--out", outFile, "--json");
        Assert.Equal(await File.ReadAllBytesAsync(csvPath), await File.ReadAllBytesAsync(outFile));

        await RunOkAsync(key.Key, "datasets", "delete", zip.Id);
        var gone = await RunAsync(key.Key, "datasets", "show", zip.Id);
        Assert.Equal(ExitCodes.BadInput, gone.ExitCode);
        Assert.Contains("HTTP 404, code not-found", gone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdxFolderUploadsWithAProgressBarAndDownloadsEveryPartChecked()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");

        var upload = await RunOkAsync(key.Key, "datasets", "upload", folder);
        Assert.Contains("Uploaded fmnist-sandal-bag as ", upload, StringComparison.Ordinal);
        Assert.Contains("1x28x28", upload, StringComparison.Ordinal);
        var id = Parse<List<DatasetInfo>>(await RunOkAsync(key.Key, "datasets", "list", "--json")).Single().Id;

        var parts = Parse<List<JsonElement>>(await RunOkAsync(key.Key, "datasets", "download", id, "--out", _folder, "--json"));

        Assert.Equal(["images", "labels"], parts.Select(p => p.GetProperty("part").GetString()));
        foreach (var name in new[] { "images-idx3-ubyte.gz", "labels-idx1-ubyte.gz" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, name)), await File.ReadAllBytesAsync(Path.Combine(_folder, name)));
        }
    }

    [Fact]
    public async Task ARaggedCsvIsRefusedWithItsProblemCodeAndExitTwo()
    {
        var (_, key) = await Tenants.NewAsync(host);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv")).ToList();
        lines[5] += ",9.9";
        var ragged = Path.Combine(_folder, "ragged.csv");
        await File.WriteAllLinesAsync(ragged, lines);

        var run = await RunAsync(key.Key, "datasets", "upload", ragged, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("code csv-ragged-row", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminCreatesATenantAndAKeyThatWorksUntilItIsRevoked()
    {
        var tenant = "cli-" + Guid.NewGuid().ToString("N")[..12];
        var credentials = Path.Combine(_folder, "credentials.json");
        await File.WriteAllTextAsync(credentials, JsonSerializer.Serialize(new { url = "http://localhost", key = host.AdminKey }));
        var fromFile = new Dictionary<string, string> { [CredentialsResolver.FileVariable] = credentials };

        var created = Parse<TenantInfo>(await RunOkWithAsync(fromFile, "tenants", "create", tenant, "--display-name", "CLI tenant", "--json"));
        var issued = Parse<IssuedKey>(await RunOkWithAsync(fromFile, "keys", "create", "--tenant", tenant, "--role", "user", "--name", "ci", "--json"));
        Assert.Equal((tenant, "CLI tenant"), (created.Id, created.DisplayName));
        Assert.Equal((tenant, Role.User, "ci"), (issued.Info.Tenant, issued.Info.Role, issued.Info.Name));

        Assert.Equal("[]", (await RunOkAsync(issued.Key, "datasets", "list", "--json")).Trim());
        var forbidden = await RunAsync(issued.Key, "tenants", "show", tenant);
        Assert.Equal(ExitCodes.BadInput, forbidden.ExitCode);
        Assert.Contains("HTTP 403", forbidden.Error, StringComparison.Ordinal);

        await RunOkWithAsync(fromFile, "keys", "revoke", issued.Info.KeyId);
        var revoked = await RunAsync(issued.Key, "datasets", "list");
        Assert.Equal(ExitCodes.BadInput, revoked.ExitCode);
        Assert.Contains("HTTP 401", revoked.Error, StringComparison.Ordinal);
        var shown = await RunOkWithAsync(fromFile, "tenants", "show", tenant);
        Assert.Contains(issued.Info.KeyId, shown, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> RunAsync(string key, params string[] args) => InProcessCli.RunAsync(host.Factory.CreateClient, key, Path.Combine(_folder, "home"), args);

    private async Task<string> RunOkAsync(string key, params string[] args) => InProcessCli.Ok(await RunAsync(key, args), args);

    private async Task<string> RunOkWithAsync(Dictionary<string, string> environment, params string[] args) => InProcessCli.Ok(await RunWithAsync(environment, args), args);

    private Task<CliRun> RunWithAsync(Dictionary<string, string> environment, string[] args) => InProcessCli.RunAsync(host.Factory.CreateClient, environment, Path.Combine(_folder, "home"), args);

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)!;

}
