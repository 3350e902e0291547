using System.Net;
using Microsoft.Playwright;
using Transfer.Dashboard.Tests.Hosting;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.Dashboard.Tests;

/// <summary>Who sees what in the dashboard: tenants see only their own jobs; the cluster view is for admin keys.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessTests(DashboardHostFixture host)
{
    static AccessTests() => Assertions.SetDefaultExpectTimeout(60_000);

    [Fact]
    public async Task AnotherTenantsKeySeesTheJobNeitherInItsListNorByItsAddress()
    {
        var (_, owner) = await Tenants.NewAsync(host);
        var (other, stranger) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(owner.Key);
        var job = await RunningJobs.StartLongAsync(http, seed: 31);
        try
        {
            var page = await host.SignedInPageAsync(stranger.Key);

            await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync($"{other} (user)");
            await Assertions.Expect(page.Locator("#jobs tbody")).ToContainTextAsync("No jobs yet");
            await Assertions.Expect(page.Locator($"#jobs tr[data-job='{job.Id}']")).ToHaveCountAsync(0);

            await page.GotoAsync($"/dashboard/#/jobs/{job.Id}");
            await Assertions.Expect(page.Locator("#page-error")).ToHaveTextAsync($"No such job: There is no job '{job.Id}' in your tenant.");
            await Assertions.Expect(page.Locator("#trials")).ToHaveCountAsync(0);
            await DashboardHostFixture.ScreenshotAsync(page, "other-tenant");
            await page.Context.CloseAsync();
        }
        finally
        {
            await RunningJobs.StopAsync(http, job.Id);
        }
    }

    [Fact]
    public async Task TheClusterViewTurnsAwayAUserKeyAndOpensForAnAdminKey()
    {
        var (_, user) = await Tenants.NewAsync(host);
        var userPage = await host.SignedInPageAsync(user.Key);
        await Assertions.Expect(userPage.Locator("#cluster-link")).ToBeHiddenAsync();

        var refused = await userPage.GotoAsync("/dashboard/cluster/");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
        Assert.Contains("admin-only", await refused.TextAsync(), StringComparison.Ordinal);
        using (var anonymous = host.CreateHttpClient(null))
        {
            await Problems.AssertProblemAsync(await anonymous.GetAsync("/dashboard/cluster/"), HttpStatusCode.Unauthorized, "missing-api-key");
        }

        using (var header = host.CreateHttpClient(user.Key))
        {
            await Problems.AssertProblemAsync(await header.GetAsync("/dashboard/cluster/"), HttpStatusCode.Forbidden, "admin-only");
        }

        await userPage.Context.CloseAsync();

        var adminPage = await host.SignedInPageAsync(host.AdminKey);
        await Assertions.Expect(adminPage.Locator("#cluster-link")).ToBeVisibleAsync();
        var opened = await adminPage.GotoAsync("/dashboard/cluster/");
        Assert.Equal((int)HttpStatusCode.OK, opened!.Status);
        Assert.Contains("Orleans", await adminPage.TitleAsync(), StringComparison.OrdinalIgnoreCase);
        await DashboardHostFixture.ScreenshotAsync(adminPage, "cluster");
        await adminPage.Context.CloseAsync();
    }
}
