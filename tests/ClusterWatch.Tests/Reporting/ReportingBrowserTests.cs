using ClusterWatch.Core.Reporting;
using ClusterWatch.Tests.Accounts;
using ClusterWatch.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Reporting;

/// <summary>An information officer fills a report in headless Chromium, hits a blocking rule, fixes it and submits.</summary>
[Trait("Category", "Browser")]
public sealed class ReportingBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{

    [Fact]
    public async Task An_officer_fills_a_form_hits_a_blocking_rule_fixes_it_and_submits()
    {
        _ = app.BaseAddress;
        // The form is arranged in the database (the sign-in helper's HTTP client does not reach Kestrel).
        var name = "浏览器测试报表 " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Scope(out var db))
        {
            var indicator = await db.Indicators.Where(i => i.Name == "生物产业 具有全球专利保护的创新药数").Select(i => i.Id).FirstAsync();
            var nanshan = await db.Units.Where(u => u.ShortName == "南山区政府").Select(u => u.Id).FirstAsync();
            db.Add(new ReportForm
            {
                Name = name, PeriodType = PeriodType.Quarter, OpenDaysBeforeEnd = 4000, LockAfterDays = 36500,
                Indicators = [new ReportFormIndicator { IndicatorId = indicator, Label = "药数", Unit = "个", MinValue = 0, MaxValue = 100, IsCumulative = true }],
                Assignments = [new ReportFormAssignment { UnitId = nanshan }],
                Rules = [new ValidationRule { Name = "药数上限", Left = "#{药数}", Operator = RuleOperator.LessOrEqual, Right = "10", Importance = RuleImportance.Blocking, Message = "药数不能超过 10 个" }],
            });
            await db.SaveChangesAsync();
        }

        var page = await Browser.NewSignedInPageAsync(app.BaseAddress, userName: "nanshan");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Reporting").ToString());
        await page.Locator("#my-reports tbody tr", new PageLocatorOptions { HasTextString = name }).First.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/Reporting/Fill**");

        var field = page.Locator("input[data-label='药数']");
        await field.FillAsync("20");
        await page.Locator("#submit-report").ClickAsync();
        var message = page.Locator(".rule-message[data-field='药数']");
        await message.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("药数不能超过 10 个", await message.InnerTextAsync());
        // The message sits in the same cell as the field it names.
        Assert.Equal(1, await page.Locator("td", new PageLocatorOptions { Has = page.Locator("input[data-label='药数']") }).Locator(".rule-message").CountAsync());
        Assert.Equal("20", await field.InputValueAsync());

        await field.FillAsync("8");
        await page.Locator("#submit-report").ClickAsync();
        await page.Locator("#report-message").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("已提交", await page.Locator("#report-message").InnerTextAsync());
        Assert.Equal("已提交", (await page.Locator("#report-status").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator(".rule-message").CountAsync());
        Assert.Empty(errors);
    }
}
