using ClusterWatch.Tests.Accounts;
using ClusterWatch.Tests.Browser;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Plans;

/// <summary>A person in headless Chromium: reading a plan, and correcting a target form the server refused.</summary>
[Trait("Category", "Browser")]
public sealed class PlanBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewSignedInPageAsync(app.BaseAddress, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        var response = await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
        return page;
    }

    [Fact]
    public async Task From_the_plan_list_a_user_reaches_the_allocation_table_and_the_tasks_of_the_work_plan()
    {
        var page = await OpenAsync("/Plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "深圳市推进生物互联网新能源产业发展工作方案（2010―2012年）" }).ClickAsync();
        await page.WaitForURLAsync("**/Plans/Details/*");

        var pingshan = page.Locator("#allocation-table tbody tr", new() { HasTextString = "坪山新区" });
        Assert.True(await pingshan.IsVisibleAsync());
        var cells = await pingshan.Locator("td").AllInnerTextsAsync();
        Assert.Equal(7, cells.Count);
        Assert.Contains("43", cells);

        var task = page.Locator("#tasks-table tbody tr", new() { HasTextString = "推进重点领域产业链建设" });
        Assert.Contains("市发展改革委", await task.InnerTextAsync());
    }

    [Fact]
    public async Task A_target_with_an_unknown_region_is_refused_with_the_message_beside_the_field_and_saved_after_correction()
    {
        var page = await OpenAsync("/Plans");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "深圳市推进生物互联网新能源产业发展工作方案（2010―2012年）" }).GetAttributeAsync("href");
        var planId = href!.Split('/').Last();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/Plans/{planId}/Targets/Edit").ToString());

        await page.Locator("#Input_IndicatorId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_RegionCode").FillAsync("999999");
        await page.Locator("#Input_Value").FillAsync("12");
        await page.Locator("#target-form button[type=submit]").ClickAsync();

        var regionLabel = page.Locator("label", new() { Has = page.Locator("#Input_RegionCode") });
        Assert.Contains("未知地区“999999”", await regionLabel.Locator(".error").InnerTextAsync());

        await page.Locator("#Input_RegionCode").FillAsync("440305");
        await page.Locator("#target-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Plans/Details/**");
        Assert.True(await page.Locator("table.targets-year tbody tr", new() { HasTextString = "南山区" }).CountAsync() > 0);
    }
}
