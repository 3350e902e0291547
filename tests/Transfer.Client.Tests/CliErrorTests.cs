using System.Net;
using Transfer.Cli;

namespace Transfer.Client.Tests;

public sealed class CliErrorTests
{
    [Fact]
    public async Task AClientProblemIsPrintedWithTitleCodeAndDetailAndExitsWithTwo()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.NotFound, CannedProblemHandler.Problem(404, "dataset-not-found", "Dataset not found", "No dataset d-42 in tenant acme."));
        using var cli = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await cli.RunAsync("datasets", "show", "d-42");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Error: Dataset not found (HTTP 404, code dataset-not-found)", run.Error, StringComparison.Ordinal);
        Assert.Contains("No dataset d-42 in tenant acme.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task AServerFailureExitsWithOneAndJsonModeKeepsStdoutEmpty()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.InternalServerError, CannedProblemHandler.Problem(500, "internal", "Internal error", "Storage is down."));
        using var cli = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await cli.RunAsync("datasets", "list", "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("Internal error (HTTP 500, code internal)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKeyTheCliSaysWhereToGetOneAndSendsNothing()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.OK, "{}");
        using var cli = new CliHarness(handler);

        var run = await cli.RunAsync("tenants", "show", "acme");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("No API key", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task AMissingUploadFileIsBadInput()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.OK, "{}");
        using var cli = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await cli.RunAsync("datasets", "upload", "/no/such/file.csv");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("/no/such/file.csv", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }
}
