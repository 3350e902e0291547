using System.Net;
using Spectre.Console;
using Transfer.Cli;
using Transfer.Cli.Credentials;
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
    [InlineData("--metric", "f1")]
    [InlineData("--trials", "0")]
    [InlineData("--parallel", "65")]
    [InlineData("--budget", "1 fortnight")]
    [InlineData("--budget", "30m,1h")]
    public async Task TrainRefusesBadOptionsBeforeCallingTheServer(string option, string value)
    {
        using var handler = new CannedProblemHandler(HttpStatusCode.InternalServerError, "{}");
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync("train", SeedData.Dataset("fmnist-sandal-bag"), option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--trials 2 --budget 3")]
    [InlineData("--budget 1_fortnight")]
    [InlineData("--trials 0")]
    public async Task ExtendRefusesAnExtensionWithoutALimitOrWithABadOneBeforeCallingTheServer(string options)
    {
        using var handler = new CannedProblemHandler(HttpStatusCode.InternalServerError, "{}");
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync(["jobs", "extend", "job-1", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(o => o.Replace('_', ' '))]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StopSaysThereIsNothingToStopWhileTheModelIsRegistered()
    {
        // The server answers a stop that comes after every trial ended (the model being registered) with the job still running.
        using var handler = new RoutedHandler(_ => RoutedHandler.Ok(JobEvents.Job(Contracts.Jobs.JobStatus.Running, 3, 3)));
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync("jobs", "stop", "job-1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Nothing to stop, its trials have all ended and its model is being registered: job-1: Running, 3 of 3 trials done.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendSendsTheBudgetFromNow()
    {
        string? sent = null;
        using var handler = new RoutedHandler(r =>
        {
            sent = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return RoutedHandler.Ok(JobEvents.Job(Contracts.Jobs.JobStatus.Running, 3, 2));
        });
        using var harness = new CliHarness(handler, new Dictionary<string, string> { ["TRANSFER_API_KEY"] = "k" });

        var run = await harness.RunAsync("jobs", "extend", "job-1", "--budget", "30m,0.5dh");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("/api/jobs/job-1/extend", handler.Seen.Single().RequestUri!.AbsolutePath);
        Assert.Equal(new Contracts.Jobs.ExtendJobRequest(null, 1800, 0.5), System.Text.Json.JsonSerializer.Deserialize<Contracts.Jobs.ExtendJobRequest>(sent!, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.StartsWith("Extended job-1: Running; budget now", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "20,1h,0.5dh", 20, 3600.0, 0.5)]
    [InlineData("8", "90s", 8, 90.0, null)]
    [InlineData(null, "2 device-hours", null, null, 2.0)]
    [InlineData("5", null, 5, null, null)]
    [InlineData(null, null, null, null, null)]
    public void TrainsTrialsAndBudgetMakeOneJobBudget(string? trials, string? budget, int? expectedTrials, double? expectedSeconds, double? expectedDeviceHours)
    {
        var settings = new TrainSettings { Path = "x.csv", Trials = trials is null ? null : int.Parse(trials, System.Globalization.CultureInfo.InvariantCulture), Budget = budget };

        Assert.True(settings.Validate().Successful);
        Assert.Equal(new Contracts.Jobs.JobBudget(expectedTrials, expectedSeconds, expectedDeviceHours), settings.JobBudget);
        Assert.False(new TrainSettings { Path = "x.csv", Trials = 3, Budget = "20" }.Validate().Successful); // the count twice
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

    [Fact]
    public async Task WatchOnAnInteractiveConsoleDrawsTheLiveTableAndTheSummary()
    {
        var judgement = new Contracts.Curves.CurveJudgement(Contracts.Curves.CurveState.Diverging, Contracts.Curves.TrafficLight.Red, 0.9, false, new Dictionary<string, double>(), null,
            [new Contracts.Curves.CurveAdvice(Contracts.Curves.AdviceKind.LowerLearningRate, "Lower the learning rate 10x.", "base_lr *= 0.1")]);
        var body = JobEvents.Sse(
            JobEvents.Event(1, "trial-queued", status: Contracts.Jobs.TrialStatus.Queued),
            JobEvents.Event(2, "trial-reported", sample: new Contracts.Jobs.CurveSample(1, 6, 2.0, 2.5, 0.31, 0.1), judgement: judgement, status: Contracts.Jobs.TrialStatus.Running),
            JobEvents.Event(3, "job-finished", best: 0.31, message: "Completed: best trial 0"));
        using var handler = new RoutedHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? RoutedHandler.EventStream(JobEvents.Stream(body))
            : RoutedHandler.Ok(JobEvents.Job(Contracts.Jobs.JobStatus.Completed, 1, 1)));
        using var home = new TempFolder();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;
        var services = new CliServices(console, console, output, new CredentialsResolver(_ => "k", home.Path), o => new TransferClient(new HttpClient(handler, disposeHandler: false), o));

        var exit = await TransferCli.RunAsync(["watch", "job-1", "--url", "http://transfer.test"], services);

        Assert.Equal(ExitCodes.Success, exit);
        var text = output.ToString();
        Assert.Contains("base_lr *= 0.1: Lower the learning rate 10x.", text, StringComparison.Ordinal);
        Assert.Contains("Winner", text, StringComparison.Ordinal);
    }
}
