using Microsoft.Playwright;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.Dashboard.Tests.Hosting;

/// <summary>
/// The end-to-end host on a free loopback port plus a headless Chromium driven by Playwright. The browser is Debian's
/// <c>chromium</c> package (<c>/usr/bin/chromium</c>, or <c>$TRANSFER_CHROMIUM</c>); when it is missing the tests fail
/// with the install command: Playwright never downloads a browser here.
/// </summary>
public sealed class DashboardHostFixture : TransferHostFixture
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("TRANSFER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where the tests save their screenshots: this project's <c>TestResults/screenshots</c>.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Transfer.Dashboard.Tests", "TestResults", "screenshots");

    protected override bool UsesRealPort => true;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}. Install Debian's package (`sudo apt-get install -y chromium`; .ci/run does) or point TRANSFER_CHROMIUM at a Chromium binary.");
        }

        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context (its own session storage) with the dashboard open and signed in with <paramref name="key"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string key)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address!.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");
        await page.Locator("#api-key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
