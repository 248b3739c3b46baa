using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Accounts;
using ClusterWatch.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Plans;

/// <summary>A person in headless Chromium uploads a seed plan, checks the highlighted quotes, corrects a value, saves, and confirms the draft.</summary>
[Trait("Category", "Browser")]
public sealed class PlanImportBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{
    private const string Plan2009 = "shenzhen-bio-plan-2009-2015";

    [Fact]
    public async Task Uploading_a_seed_plan_shows_highlighted_quotes_and_a_corrected_value_is_saved_as_a_draft_then_confirmed()
    {
        var page = await Browser.NewSignedInPageAsync(app.BaseAddress, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/Plans").ToString());
        await page.Locator("#extract-link").ClickAsync();
        await page.WaitForURLAsync("**/Plans/Extract");

        await page.Locator("#extract-upload-form input[type=file]").SetInputFilesAsync(Path.Combine(AppPaths.SeedData, "plans", Plan2009 + ".txt"));
        await page.Locator("#extract-upload-form button[type=submit]").ClickAsync();

        var rows = page.Locator("#targets-review tbody tr");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() >= 20, $"only {await rows.CountAsync()} targets proposed");
        var firstMark = rows.First.Locator("td.source mark");
        Assert.True(await firstMark.IsVisibleAsync());
        Assert.False(string.IsNullOrWhiteSpace(await firstMark.InnerTextAsync()));
        Assert.Equal(await rows.CountAsync(), await page.Locator("#targets-review td.source mark").CountAsync());
        Assert.True(await page.Locator("#plan-text mark").CountAsync() > 0);

        var indicator = await page.Locator("#Form_Targets_0__Indicator").InputValueAsync();
        await page.Locator("#Form_Targets_0__Value").FillAsync("123456");
        await page.Locator("#extract-save").ClickAsync();
        await page.WaitForURLAsync("**/Plans/Details/*");

        var corrected = page.Locator("#targets tr", new() { HasTextString = indicator });
        Assert.Contains("123456", string.Join(" ", await corrected.AllInnerTextsAsync()).Replace(",", ""));
        Assert.Contains("草稿", await page.Locator("#plan-facts").InnerTextAsync());
        var planId = int.Parse(page.Url.Split('/').Last().Split('?')[0]);
        await using (var scope = app.Scope(out var db))
        {
            var saved = await db.Plans.SingleAsync(p => p.Id == planId);
            var uploaded = File.ReadAllText(Path.Combine(AppPaths.SeedData, "plans", Plan2009 + ".txt")).Replace("\r\n", "\n");
            Assert.Equal(uploaded.Trim(), saved.FullText.Trim()); // the text went through the form and back without CRLF or other changes
        }

        await page.Locator("#confirm-draft").ClickAsync();
        await page.WaitForURLAsync("**/Plans/ExtractConfirm/*");
        await page.Locator("#confirm-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Plans/Details/*");
        Assert.Contains("已确认", await page.Locator("#plan-facts").InnerTextAsync());
    }
}
