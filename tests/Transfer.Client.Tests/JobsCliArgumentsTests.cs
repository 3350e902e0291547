using System.Net;
using Transfer.Cli;
using Transfer.Cli.Settings;

namespace Transfer.Client.Tests;

public sealed class JobsCliArgumentsTests
{
    [Fact]
    public void ATrialAssignmentIsANameAndAnInvariantNumber()
    {
        var set = new TrialsSettings.Set { Job = "job-1", Trial = 2, Assignment = "base_lr=1e-3" };

        Assert.True(set.Validate().Successful);
        Assert.Equal(("base_lr", 0.001), set.Parsed);
        Assert.False(new TrialsSettings.Set { Job = "job-1", Trial = 2, Assignment = "base_lr" }.Validate().Successful);
        Assert.False(new TrialsSettings.Set { Job = "job-1", Trial = -1, Assignment = "base_lr=0.1" }.Validate().Successful);
    }

    [Theory]
    [InlineData("--sampler", "magic")]
    [InlineData("--scheduler", "never")]
    [InlineData("--trials", "0")]
    [InlineData("--parallel", "65")]
    public async Task TrainRefusesBadOptionsBeforeCallingTheServer(string option, string value)
    {
        using var handler = new CannedProblemHandler(HttpStatusCode.InternalServerError, "{}");
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync("train", SeedData.Dataset("fmnist-sandal-bag"), option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task WatchJsonWritesOneEventPerLine()
    {
        var body = JobEvents.Sse(JobEvents.Event(1, "trial-queued"), JobEvents.Event(2, "job-finished", best: 0.9));
        using var handler = new RoutedHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? RoutedHandler.EventStream(JobEvents.Stream(body))
            : RoutedHandler.Ok(JobEvents.Job(Contracts.Jobs.JobStatus.Running, 1, 0)));
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync("watch", "job-1", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":1,\"kind\":\"trial-queued\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":2,\"kind\":\"job-finished\"", lines[1], StringComparison.Ordinal);
    }
}
