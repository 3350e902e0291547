using System.Net;
using Transfer.Cli;
using Transfer.Cli.Settings;
using Transfer.Client.Datasets;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Tests;

public sealed class CliArgumentsTests
{
    [Fact]
    public void TheFormatIsInferredFromTheFileNameOrTheFolder()
    {
        var csv = new DatasetsSettings.Upload { Path = SeedData.File("iris", "data.csv") }.ResolveFiles();
        var zip = new DatasetsSettings.Upload { Path = SeedData.File("fmnist-bags-zip", "images.zip") }.ResolveFiles();
        var folder = new DatasetsSettings.Upload { Path = SeedData.Dataset("fmnist-shoes-a") }.ResolveFiles();

        Assert.Equal((DatasetFormat.Csv, "iris"), (csv.Format, csv.DefaultName));
        Assert.Equal([DatasetParts.Data], csv.Parts.Select(p => p.Name));
        Assert.Equal((DatasetFormat.ImageZip, "fmnist-bags-zip"), (zip.Format, zip.DefaultName));
        Assert.Equal((DatasetFormat.Idx, "fmnist-shoes-a"), (folder.Format, folder.DefaultName));
        Assert.Equal(
            [(DatasetParts.Images, "images-idx3-ubyte.gz"), (DatasetParts.Labels, "labels-idx1-ubyte.gz")],
            folder.Parts.Select(p => (p.Name, Path.GetFileName(p.Path))));
    }

    [Fact]
    public void AnExplicitFormatOverridesTheExtensionAndAnIdxPairNeedsNoPath()
    {
        using var temp = new TempFolder();
        var table = temp.Write("table.txt", "x,label\n1,a\n");

        var csv = new DatasetsSettings.Upload { Path = table, Format = "CSV" }.ResolveFiles();
        var pair = new DatasetsSettings.Upload
        {
            Images = SeedData.File("fmnist-tops-a", "images-idx3-ubyte.gz"),
            Labels = SeedData.File("fmnist-tops-a", "labels-idx1-ubyte.gz"),
        }.ResolveFiles();

        Assert.Equal(DatasetFormat.Csv, csv.Format);
        Assert.Equal("table", csv.DefaultName);
        Assert.Equal(DatasetFormat.Idx, pair.Format);
        Assert.Equal(new FileInfo(pair.Parts[0].Path).Length + new FileInfo(pair.Parts[1].Path).Length, pair.TotalBytes);
    }

    [Fact]
    public void AFileWhoseFormatCannotBeToldOrASingleIdxFileIsRefused()
    {
        using var temp = new TempFolder();
        var unknown = temp.Write("table.parquet", "PAR1");

        Assert.Throws<ArgumentException>(() => new DatasetsSettings.Upload { Path = unknown }.ResolveFiles());
        Assert.Throws<ArgumentException>(() => new DatasetsSettings.Upload { Path = SeedData.File("fmnist-tops-b", "images-idx3-ubyte.gz") }.ResolveFiles());
        Assert.Throws<FileNotFoundException>(() => new DatasetsSettings.Upload { Path = temp.Path }.ResolveFiles());
    }

    [Theory]
    [InlineData("csv", DatasetFormat.Csv)]
    [InlineData("Zip", DatasetFormat.ImageZip)]
    [InlineData("imagezip", DatasetFormat.ImageZip)]
    [InlineData("IDX", DatasetFormat.Idx)]
    [InlineData("parquet", null)]
    public void FormatNamesParseCaseInsensitively(string text, DatasetFormat? expected) =>
        Assert.Equal(expected, DatasetsSettings.Upload.ParseFormat(text));

    [Theory]
    [InlineData("datasets", "upload")]
    [InlineData("datasets", "upload", "a.csv", "--images", "i.gz", "--labels", "l.gz")]
    [InlineData("datasets", "upload", "--images", "i.gz")]
    [InlineData("datasets", "upload", "a.csv", "--format", "parquet")]
    [InlineData("datasets", "upload", "a.zip", "--format", "zip", "--label", "y")]
    [InlineData("datasets", "list", "--page-size", "0")]
    [InlineData("datasets", "show")]
    [InlineData("keys", "create", "--role", "admin")]
    [InlineData("keys", "create", "--tenant", "acme", "--role", "boss")]
    [InlineData("datasets", "frobnicate")]
    public async Task BadArgumentsExitWithTwoBeforeAnyRequest(params string[] args)
    {
        var handler = new CannedProblemHandler(HttpStatusCode.InternalServerError, "{}");
        using var cli = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Error:", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task AnUploadOfAFolderSendsAnIdxPairUnderTheFolderName()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.BadRequest, CannedProblemHandler.Problem(400, "idx-count-mismatch", "Counts differ", "900 images, 899 labels."));
        using var cli = new CliHarness(handler);

        var run = await cli.RunAsync("datasets", "upload", SeedData.Dataset("fmnist-sandal-bag"), "--url", "http://transfer.test:5080", "--key", "k1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var body = Assert.Single(handler.Bodies);
        Assert.Contains("name=name\r\n\r\nfmnist-sandal-bag\r\n", body, StringComparison.Ordinal);
        Assert.Contains("name=format\r\n\r\nIdx\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("name=labelColumn", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("name=images", StringComparison.Ordinal) < body.IndexOf("name=labels", StringComparison.Ordinal));
        Assert.Equal(new Uri("http://transfer.test:5080"), Assert.Single(cli.ClientOptions).Endpoint);
        Assert.Equal("k1", cli.ClientOptions[0].ApiKey);
    }

    [Fact]
    public async Task ACsvUploadSendsTheDefaultLabelColumnUnlessOneIsGiven()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.BadRequest, CannedProblemHandler.Problem(400, "csv-label-missing", "No label", "No column y."));
        using var cli = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        await cli.RunAsync("datasets", "upload", SeedData.File("wine", "data.csv"));
        await cli.RunAsync("datasets", "upload", SeedData.File("wine", "data.csv"), "--label", "y", "--name", "vino");

        Assert.Contains("name=labelColumn\r\n\r\nlabel\r\n", handler.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("name=name\r\n\r\nwine\r\n", handler.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("name=labelColumn\r\n\r\ny\r\n", handler.Bodies[1], StringComparison.Ordinal);
        Assert.Contains("name=name\r\n\r\nvino\r\n", handler.Bodies[1], StringComparison.Ordinal);
    }
}
