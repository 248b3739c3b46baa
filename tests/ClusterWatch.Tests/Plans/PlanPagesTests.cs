using System.Net;
using System.Text.RegularExpressions;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterWatch.Tests.Plans;

/// <summary>The plan, region and unit pages as a browser gets them: server-rendered HTML and form posts with antiforgery.</summary>
public abstract partial class PlanPagesTests(AppFactory app)
{
    private readonly HttpClient _client = app.Client(allowAutoRedirect: false);

    private async Task<string> Page(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> WorkPlanId()
    {
        var html = await Page("/Plans");
        var match = Regex.Match(html, @"href=""/Plans/Details/(\d+)"">深圳市推进生物互联网新能源产业发展工作方案");
        Assert.True(match.Success, "the work plan is listed");
        return int.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task The_plan_page_shows_the_district_by_year_allocation_table_and_the_tasks_with_their_units()
    {
        var html = await Page($"/Plans/Details/{await WorkPlanId()}");
        Assert.Contains("id=\"allocation-table\"", html);
        Assert.Contains("坪山新区", html);
        Assert.Contains("深府办〔2010〕98号", html);
        Assert.Contains("推进重点领域产业链建设", html);
        Assert.Contains("科工贸信委、规划国土委", html);
        Assert.Contains("/targets/export", html);
    }

    [Theory]
    [InlineData("zh-CN", "目标分解")]
    [InlineData("en", "Allocations")]
    public async Task Every_plan_region_and_unit_page_renders_in_both_languages(string culture, string planWord)
    {
        var planId = await WorkPlanId();
        var details = await Page($"/Plans/Details/{planId}?culture={culture}");
        Assert.Contains(planWord, details);
        var taskId = Regex.Match(details, $@"/Plans/{planId}/Tasks/Edit/(\d+)").Groups[1].Value;
        var targetId = Regex.Match(details, $@"/Plans/{planId}/Targets/Edit/(\d+)").Groups[1].Value;
        foreach (var path in new[] { "/Plans", "/Plans/Edit", $"/Plans/Edit/{planId}", $"/Plans/Import/{planId}", "/Plans/History",
                     $"/Plans/{planId}/Targets/Edit", $"/Plans/{planId}/Targets/Edit/{targetId}", $"/Plans/{planId}/Tasks/Edit/{taskId}",
                     "/Regions", "/Units", "/Units/Edit", "/Units/Edit/1" })
            await Page($"{path}?culture={culture}");
    }

    [Fact]
    public async Task The_region_tree_greys_historical_new_areas_with_their_successor()
    {
        var html = await Page("/Regions");
        Assert.Contains("南山区", html);
        Assert.Matches(@"class=""historical"" data-code=""4403PS"">[\s\S]*?坪山新区[\s\S]*?坪山区（440310）", html);
    }

    [Fact]
    public async Task The_unit_list_finds_a_unit_by_an_alias()
    {
        var html = await Page("/Units?q=" + Uri.EscapeDataString("市发展改革委"));
        Assert.Contains("发展和改革委员会", html);
    }

    [Fact]
    public async Task A_target_form_with_an_unknown_region_shows_the_error_next_to_the_field_and_saves_nothing()
    {
        var planId = await WorkPlanId();
        var form = await Page($"/Plans/{planId}/Targets/Edit");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var indicatorId = Regex.Match(form, @"<option value=""(\d+)""").Groups[1].Value;
        var before = Regex.Matches(await Page($"/Plans/Details/{planId}"), "/Targets/Edit/").Count;

        var response = await _client.PostAsync($"/Plans/{planId}/Targets/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.IndicatorId"] = indicatorId, ["Input.RegionCode"] = "999999",
            ["Input.Year"] = "2012", ["Input.Comparator"] = ">=", ["Input.Value"] = "5",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error\">未知地区“999999”", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Regex.Matches(await Page($"/Plans/Details/{planId}"), "/Targets/Edit/").Count);
    }

    [Fact]
    public async Task A_target_form_without_the_antiforgery_token_is_refused()
    {
        var planId = await WorkPlanId();
        var response = await _client.PostAsync($"/Plans/{planId}/Targets/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.IndicatorId"] = "1", ["Input.Year"] = "2012", ["Input.Value"] = "5",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_row_of_a_rejected_file()
    {
        var planId = await WorkPlanId();
        var form = await Page($"/Plans/Import/{planId}");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var csv = "指标,单位,地区,年份,分解值\n生物产业规模,亿元,福田区,2012,30\n生物产业规模,亿元,火星区,2012,1\n生物产业规模,亿元,南山区,二〇一二,-1\n"u8.ToArray();
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Allocations"), "Kind" },
            { new ByteArrayContent(csv), "Upload", "allocations.csv" },
        };
        var response = await _client.PostAsync($"/Plans/Import/{planId}", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"import-error-table\"", html);
        Assert.Contains("火星区", html);
        Assert.Contains("第 4 行“年份”", html);
        Assert.Contains("第 4 行“分解值”", html);
        Assert.DoesNotContain("id=\"import-success\"", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlanPagesTests(SqliteAppFactory app) : PlanPagesTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresPlanPagesTests(PostgresAppFactory app) : PlanPagesTests(app);
