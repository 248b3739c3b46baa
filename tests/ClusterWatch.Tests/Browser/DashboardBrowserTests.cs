using ClusterWatch.Tests.Accounts;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Browser;

/// <summary>Loads the dashboard in headless Chromium against the real app on Kestrel and checks what a user sees.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{
    private Task<IPage> OpenAsync(string path) => OpenSignedInAsync(app.BaseAddress, path);

    [Fact]
    public async Task Dashboard_draws_the_status_and_trajectory_charts_and_lists_the_bio_industry_target()
    {
        var page = await OpenAsync("/");

        foreach (var chart in new[] { "#chart-status canvas", "#chart-trajectory canvas" })
        {
            var canvas = page.Locator(chart).First;
            await canvas.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            var box = await canvas.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 100 && box.Height > 100, $"{chart} is {box.Width}×{box.Height}");
        }
        var row = page.Locator("#targets-table tbody tr", new PageLocatorOptions { HasTextString = "生物产业规模" });
        Assert.True(await row.CountAsync() > 0, "no target row for 生物产业规模");
        Assert.Contains("ClusterWatch 产业集群监测", await page.Locator("header").InnerTextAsync());

        var status = row.First.Locator(".forecast-detail .badge.tip");
        await status.HoverAsync();
        var tooltip = await status.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
        Assert.Matches("→ (已达成|进展顺利|需加速|进展有限|倒退|数据不足)", tooltip);
        // A click opens the forecast's numbers under the badge.
        var formula = row.First.Locator(".forecast-formula");
        Assert.False(await formula.IsVisibleAsync());
        await status.ClickAsync();
        Assert.True(await formula.IsVisibleAsync());
        Assert.Equal(await status.GetAttributeAsync("title"), await formula.InnerTextAsync());

        await page.Locator("#chart-map canvas").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var screenshot = Environment.GetEnvironmentVariable("CLUSTERWATCH_SCREENSHOT")
            ?? Path.Combine(Path.GetTempPath(), "clusterwatch-dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Fact]
    public async Task Language_switch_turns_the_dashboard_into_English_and_back()
    {
        var page = await OpenAsync("/");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("#lang-switch").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Plan progress dashboard", await page.Locator("h1").First.InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("#lang-switch").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("规划目标进度看板", await page.Locator("h1").First.InnerTextAsync());
    }
}
