using ClusterWatch.Tests.Accounts;
using ClusterWatch.Tests.Browser;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Analytics.Chains;

/// <summary>The chain map in headless Chromium: the graph draws, a click on a link shows it, the 招商清单 sorts.</summary>
[Trait("Category", "Browser")]
public sealed class ChainsBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{
    private Task<IPage> OpenAsync(string path) => OpenSignedInAsync(app.BaseAddress, path, 1000);

    [Fact]
    public async Task Clicking_a_link_of_the_graph_shows_its_numbers_and_the_attraction_list_sorts_by_list_date()
    {
        var page = await OpenAsync("/Chains");
        await page.Locator("[data-chain=BIOLOGIC]").ClickAsync();
        await page.WaitForURLAsync("**/Chains/Details?id=*");
        var canvas = page.Locator("#chain-chart canvas").First;
        await canvas.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        // The panel opens on the weak or missing link with the longest 招商清单.
        var panel = page.Locator("#link-panel");
        Assert.Contains("招商清单", await panel.InnerTextAsync());
        var rows = page.Locator("#attraction-table tbody tr");
        Assert.True(await rows.CountAsync() > 1, "the first weak/missing link has listed firms outside Shenzhen");
        await page.Locator("#attraction-table th[data-sort=listDate]").ClickAsync();
        await page.Locator("#attraction-table th[data-sort=listDate]").ClickAsync();
        var dates = await page.Locator("#attraction-table tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Contains("desc=true", await page.Locator("#attraction-export").GetAttributeAsync("href"));

        // A click on the 生物药研发生产 node (where the synthetic biologic firms are) shows its leading firms.
        var point = await page.EvaluateAsync<double[]>(@"() => {
            const chart = echarts.getInstanceByDom(document.getElementById('chain-chart'));
            const node = chart.getOption().series[0].data.find(n => n.link.code === 'BIOLOGIC.MAKER');
            return chart.convertToPixel({ seriesIndex: 0 }, [node.x, node.y]);
        }");
        var box = await canvas.BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + (float)point[0], box.Y + (float)point[1]);
        Assert.Contains("生物药研发生产（综合）", await panel.Locator("h3").InnerTextAsync());
        Assert.True(await panel.Locator("ol li a[href^='/Enterprises/']").CountAsync() > 0, "leading firms link to their enterprise page");
        Assert.Contains("区位熵", await panel.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "clusterwatch-chain-map.png"), FullPage = true });
    }
}
