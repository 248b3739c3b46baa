using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Reporting;

/// <summary>The reporting pages: officers see only their unit (403 otherwise), the office sees everything, the Excel template round-trips.</summary>
public abstract class ReportingPagesTests(AppFactory app)
{
    private async Task<(int Form, int Nanshan, int Futian)> CreateFormAsync()
    {
        int indicator, nanshan, futian;
        await using (var scope = app.Scope(out var db))
        {
            indicator = await db.Indicators.Where(i => i.Name == "生物产业 具有全球专利保护的创新药数").Select(i => i.Id).FirstAsync();
            nanshan = await db.Units.Where(u => u.ShortName == "南山区政府").Select(u => u.Id).FirstAsync();
            futian = await db.Units.Where(u => u.ShortName == "福田区政府").Select(u => u.Id).FirstAsync();
        }
        var response = await (await app.ClientAsync("admin")).PostAsJsonAsync("/api/forms", new
        {
            name = "页面测试 " + Guid.NewGuid().ToString("N")[..8], periodType = "Quarter", openDaysBeforeEnd = 4000, lockAfterDays = 36500,
            indicators = new[] { new { indicatorId = indicator, label = "药数", minValue = 0, maxValue = 100, isCumulative = true } },
            units = new[] { "南山区政府", "福田区政府" },
        });
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), nanshan, futian);
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_nanshan_officer_gets_403_for_futians_report_pages()
    {
        var (form, _, futian) = await CreateFormAsync();
        var saved = await (await app.ClientAsync("futian")).PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "福田区政府", period = "2027Q1", version = 0, values = new Dictionary<string, decimal> { ["药数"] = 1 } });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submission").GetProperty("id").GetInt32();
        var nanshan = await app.ClientAsync("nanshan", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/Reporting/Fill?form={form}&unit={futian}&period=2027Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/Reporting/History?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/Reporting/Completeness?form={form}")).StatusCode);
        var futianClient = await app.ClientAsync("futian");
        Assert.Equal(HttpStatusCode.OK, (await futianClient.GetAsync($"/Reporting/Fill?form={form}&unit={futian}&period=2027Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await futianClient.GetAsync($"/Reporting/History?id={id}")).StatusCode);
    }

    [Fact]
    public async Task The_office_sees_forms_completeness_and_history_in_chinese()
    {
        var admin = await app.ClientAsync("admin");
        var index = await admin.GetStringAsync("/Reporting");
        Assert.Contains(ReportingDemo.TaskFormName, index);
        Assert.Contains("待审核", index);
        int formId, submissionId;
        await using (var scope = app.Scope(out var db))
        {
            formId = await db.Set<ReportForm>().Where(f => f.Name == ReportingDemo.FigureFormName).Select(f => f.Id).FirstAsync();
            submissionId = await db.Set<Submission>().Where(s => s.FormId == formId && s.CurrentVersion == 2).Select(s => s.Id).FirstAsync();
        }
        var completeness = await admin.GetStringAsync($"/Reporting/Completeness?form={formId}&period=2025Q4");
        Assert.Contains("报送率", completeness);
        Assert.Contains("completeness-chart", completeness);
        Assert.Contains("示例数据", completeness);
        var history = await admin.GetStringAsync($"/Reporting/History?id={submissionId}&a=1&b=2");
        Assert.Contains("第 2 版", history);
        Assert.Contains("compare-table", history);
        var forms = await admin.GetStringAsync("/Reporting/Forms");
        Assert.Contains(ReportingDemo.FigureFormName, forms);
        var officer = await (await app.ClientAsync("nanshan")).GetStringAsync("/Reporting");
        Assert.Contains("我的报表", officer);
        Assert.Contains(ReportingDemo.FigureFormName, officer);
    }

    [Fact]
    public async Task The_excel_template_is_prefilled_with_last_period_and_a_filled_one_is_saved_as_a_draft()
    {
        var (form, nanshanId, _) = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        await nanshan.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "南山区政府", period = "2026Q4", version = 0, values = new Dictionary<string, decimal> { ["药数"] = 7 } });

        var template = await nanshan.GetAsync($"/Reporting/Fill?handler=Template&form={form}&unit={nanshanId}&period=2027Q1");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var table = TabularFileReader.Read(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), "t.xlsx");
        var row = Assert.Single(table.Rows, r => r.Get("名称") == "药数");
        Assert.Equal("7", row.Get("上期值"));
        Assert.Equal("7", row.Get("本期值"));

        var page = await nanshan.GetStringAsync($"/Reporting/Fill?form={form}&unit={nanshanId}&period=2027Q1");
        var csv = string.Join(",", ReportTemplate.Headers) + "\n指标,1,药数,个,0-100,7,9,,,,,\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("0"), "Version" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "filled.csv" },
        };
        var upload = await nanshan.PostAsync($"/Reporting/Fill?handler=Import&form={form}&unit={nanshanId}&period=2027Q1", content);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("草稿已保存", await upload.Content.ReadAsStringAsync());
        var list = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions?form={form}&period=2027Q1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        var current = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");
        Assert.Equal(9m, current.GetProperty("version").GetProperty("values").GetProperty("药数").GetDecimal());

        // A bad value names its row and saves nothing.
        page = await nanshan.GetStringAsync($"/Reporting/Fill?form={form}&unit={nanshanId}&period=2027Q1");
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("1"), "Version" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join(",", ReportTemplate.Headers) + "\n指标,1,药数,个,0-100,7,九,,,,,\n")), "file", "bad.csv" },
        };
        var rejected = await (await nanshan.PostAsync($"/Reporting/Fill?handler=Import&form={form}&unit={nanshanId}&period=2027Q1", bad)).Content.ReadAsStringAsync();
        Assert.Contains("第 2 行", rejected);
        Assert.Equal(1, (await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions")).GetArrayLength());
    }
    [Fact]
    public async Task The_fill_page_asks_for_an_explanation_of_a_rise_above_thirty_percent_and_submits_with_it()
    {
        var (form, nanshanId, _) = await CreateFormAsync();
        var rule = await (await app.ClientAsync("admin")).PostAsJsonAsync($"/api/forms/{form}/rules", new
        {
            name = "环比增幅需说明", left = "#{药数}", @operator = "<=", right = "1.3 * #{药数}[previous]", importance = "RequiresExplanation",
            missingValues = "SkipIfAnyMissing", message = "药数环比增幅超过 30%",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var nanshan = await app.ClientAsync("nanshan");
        await nanshan.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "南山区政府", period = "2027Q1", version = 0, values = new Dictionary<string, decimal> { ["药数"] = 10 }, action = "submit" });
        var url = $"/Reporting/Fill?handler=Submit&form={form}&unit={nanshanId}&period=2027Q2";
        var page = await nanshan.GetStringAsync($"/Reporting/Fill?form={form}&unit={nanshanId}&period=2027Q2");
        FormUrlEncodedContent Post(string html, string? explanation) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html), ["Version"] = "0", ["Values[0].Label"] = "药数", ["Values[0].Value"] = "14",
            ["Values[0].Explanation"] = explanation ?? "",
        });

        var blocked = await (await nanshan.PostAsync(url, Post(page, null))).Content.ReadAsStringAsync();
        Assert.Contains("不能提交", blocked);
        Assert.Contains("name=\"Values[0].Explanation\"", blocked);
        Assert.Contains("变动说明", blocked);

        var submitted = await nanshan.PostAsync(url, Post(blocked, "新增 4 个获批创新药"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("已提交（第 1 版）", await submitted.Content.ReadAsStringAsync());
        await using var scope = app.Scope(out var db);
        var version = await db.Set<SubmissionVersion>().Where(v => v.Submission!.FormId == form && v.Submission.PeriodKey == "2027Q2").SingleAsync();
        Assert.Equal("新增 4 个获批创新药", SubmissionService.ReadExplanations(version.WarningsJson)["药数"]);
    }

    [Fact]
    public async Task The_office_returns_a_report_with_a_reason_on_the_history_page_and_an_officer_cannot()
    {
        var (form, _, _) = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        var saved = await nanshan.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "南山区政府", period = "2027Q1", version = 0, values = new Dictionary<string, decimal> { ["药数"] = 3 }, action = "submit" });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submission").GetProperty("id").GetInt32();

        var officerPage = await nanshan.GetStringAsync($"/Reporting/History?id={id}");
        Assert.DoesNotContain("id=\"accept\"", officerPage);
        var officerNoRedirect = await app.ClientAsync("nanshan", allowAutoRedirect: false);
        var denied = await officerNoRedirect.PostAsync($"/Reporting/History?handler=Return&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(await officerNoRedirect.GetStringAsync($"/Reporting/History?id={id}")), ["Reason"] = "x",
        }));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        var admin = await app.ClientAsync("admin");
        var page = await admin.GetStringAsync($"/Reporting/History?id={id}");
        var returned = await admin.PostAsync($"/Reporting/History?handler=Return&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page), ["Reason"] = "请补充佐证材料",
        }));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Contains("请补充佐证材料", await returned.Content.ReadAsStringAsync());
        var summary = await admin.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");
        Assert.Equal("Returned", summary.GetProperty("submission").GetProperty("status").GetString());
    }
}


[Collection(SqliteCollection.Name)]
public sealed class SqliteReportingPagesTests(SqliteAppFactory app) : ReportingPagesTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresReportingPagesTests(PostgresAppFactory app) : ReportingPagesTests(app);
