using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Transfer.Contracts.Jobs;
using Transfer.Dashboard.Tests.Hosting;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.Dashboard.Tests;

/// <summary>The dashboard in Chromium against the real host with a running job: the jobs list, live curves, stopping a trial.</summary>
[Collection(DashboardCollection.Name)]
public sealed class JobPageTests(DashboardHostFixture host)
{
    /// <summary>
    /// The points the learning-curve chart holds, read from chart.js's own data. (The page's CSP forbids eval, which
    /// Playwright's polling waits need, so the tests wait on the count the page also writes on the canvas.)
    /// </summary>
    private const string CurvePoints = "() => Chart.getChart(document.querySelector('#curves'))?.data.datasets.reduce((n, d) => n + d.data.length, 0) ?? -1";

    static JobPageTests() => Assertions.SetDefaultExpectTimeout(120_000);

    [Fact]
    public async Task SignedInWithAUserKeyTheJobsPageListsTheTenantsRunningJob()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var job = await RunningJobs.StartLongAsync(http, seed: 21);
        try
        {
            var page = await host.SignedInPageAsync(key.Key);

            var row = page.Locator($"#jobs tr[data-job='{job.Id}']");
            await Assertions.Expect(row).ToContainTextAsync("Running");
            await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = job.Id })).ToHaveAttributeAsync("href", $"#/jobs/{job.Id}");
            await Assertions.Expect(page.Locator("#jobs tbody tr")).ToHaveCountAsync(1);
            await DashboardHostFixture.ScreenshotAsync(page, "jobs");

            // While its trial runs the row offers a stop; pressing it stops the job (the API agrees) and takes the button away.
            var stop = row.GetByRole(AriaRole.Button, new() { Name = "Stop job" });
            await Assertions.Expect(stop).ToBeVisibleAsync();
            await stop.ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("Stopped");
            await Assertions.Expect(stop).ToHaveCountAsync(0);
            Assert.Equal(JobStatus.Stopped, (await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(1))).Status);
            await page.Context.CloseAsync();
        }
        finally
        {
            await RunningJobs.StopAsync(http, job.Id);
        }
    }

    [Fact]
    public async Task TheJobPagesLearningCurvesGetNewPointsWhileTheTrialTrains()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var job = await RunningJobs.StartLongAsync(http, seed: 22);
        try
        {
            var page = await host.SignedInPageAsync(key.Key);
            await page.GotoAsync($"/dashboard/#/jobs/{job.Id}");

            var curves = page.Locator("#curves");
            await Assertions.Expect(curves).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
            var first = await page.EvaluateAsync<int>(CurvePoints);
            await Assertions.Expect(curves).Not.ToHaveAttributeAsync("data-points", $"{first}");
            var later = await page.EvaluateAsync<int>(CurvePoints);

            Assert.True(later > first, $"{first} → {later}");
            await Assertions.Expect(page.Locator("#trials tr[data-trial='0']")).ToContainTextAsync("Running");
            await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("Running");
            await DashboardHostFixture.ScreenshotAsync(page, "job");
            if (Environment.GetEnvironmentVariable("TRANSFER_UPDATE_DOCS") == "1")
            {
                File.Copy(Path.Combine(DashboardHostFixture.Screenshots, "job.png"), Path.Combine(RepositoryPaths.Root, "docs", "dashboard-job.png"), overwrite: true);
            }

            await page.Context.CloseAsync();
        }
        finally
        {
            await RunningJobs.StopAsync(http, job.Id);
        }
    }

    [Fact]
    public async Task PressingStopOnATrialStopsItAndTheApiAgrees()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var job = await RunningJobs.StartLongAsync(http, seed: 23);
        try
        {
            var page = await host.SignedInPageAsync(key.Key);
            await page.GotoAsync($"/dashboard/#/jobs/{job.Id}");
            var trial = page.Locator("#trials tr[data-trial='0']");
            await Assertions.Expect(page.Locator("#curves")).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
            await Assertions.Expect(trial).ToHaveAttributeAsync("data-state", "Running");

            await trial.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();

            await Assertions.Expect(trial).ToHaveAttributeAsync("data-state", "Stopped");
            await Assertions.Expect(trial.Locator("td.state")).ToContainTextAsync("Stopped");
            await Assertions.Expect(trial.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true })).ToHaveCountAsync(0);
            var trials = await RunningJobs.TrialsAsync(http, job.Id);
            Assert.Equal(TrialStatus.Stopped, trials[0].Status);
            Assert.True(trials[0].Curve[^1].Epoch < 30, $"stopped at epoch {trials[0].Curve[^1].Epoch}");
            await DashboardHostFixture.ScreenshotAsync(page, "trial-stopped");
            await page.Context.CloseAsync();
        }
        finally
        {
            await RunningJobs.StopAsync(http, job.Id);
        }
    }

    [Fact]
    public async Task AFinishedJobsPageNamesItsRegisteredModelAsTheApiReportsIt()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var job = await RunningJobs.FinishShortAsync(http, seed: 24);
        Assert.Equal(JobStatus.Completed, job.Status);
        var ensemble = job.Report?.Ensemble;
        Assert.NotNull(ensemble);

        var page = await host.SignedInPageAsync(key.Key);
        await page.GotoAsync($"/dashboard/#/jobs/{job.Id}");

        var model = page.Locator("#job-model");
        if (ensemble.Members.Count > 1)
        {
            var members = string.Join(", ", ensemble.Members.Select(m => FormattableString.Invariant($"{m.Trial} ({m.Weight:0.00})")));
            await Assertions.Expect(model).ToContainTextAsync($"ensemble of trials {members}, chosen from {ensemble.Candidates}");
        }
        else
        {
            await Assertions.Expect(model).ToHaveTextAsync($"trial {ensemble.Members[0].Trial}'s model");
        }

        await page.Context.CloseAsync();
    }
}
