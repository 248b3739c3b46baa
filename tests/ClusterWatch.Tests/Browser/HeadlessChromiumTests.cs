using ClusterWatch.Tests.Accounts;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Browser;

/// <summary>Base of every browser test class: one headless Debian Chromium per class (Playwright's own download is unavailable here).</summary>
public abstract class HeadlessChromiumTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLUSTERWATCH_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Opens a page of the app signed in as admin and asserts it answered OK without a script error.</summary>
    protected async Task<IPage> OpenSignedInAsync(Uri baseAddress, string path, int viewportHeight = 900)
    {
        var page = await Browser.NewSignedInPageAsync(baseAddress, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = viewportHeight }, Locale = "zh-CN" });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(new Uri(baseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
        Assert.Empty(errors);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
