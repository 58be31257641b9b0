using Microsoft.Playwright;

namespace IntegrationCases.Web.Tests.Support;

/// <summary>
/// One recompute, one serve and one headless Chromium for every browser test of the run; each test gets a
/// fresh browser context (its own cookies, downloads and storage) in Danish locale and Copenhagen time.
/// </summary>
public sealed class ToolFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ToolServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests put screenshots (beside the test binaries, never in the repository).</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = BrowserTools.EnsureChromiumAsync();
        Server = await ToolServer.StartAsync();
        await chromium;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserTools.ChromiumPath,
            Headless = true,
            Args = BrowserTools.ChromiumArguments,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A new browser context and page on the tool. bypassCsp only for injecting axe-core; beforeLoad sees the
    /// page before it navigates (to watch its requests from the first, or to set the browser's clock).
    /// </summary>
    public async Task<ToolPage> OpenAsync(string? fragment = null, bool bypassCsp = false, Func<IPage, Task>? beforeLoad = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        var tool = new ToolPage(context, page, Server);
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        await page.GotoAsync(Server.Address + (fragment ?? string.Empty));
        await Assertions.Expect(page.GetByLabel("Kommune", new() { Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#kommune option")).ToHaveCountAsync(99);
        return tool;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<ToolFixture>
{
    public const string Name = "calculation tool in Chromium";
}
