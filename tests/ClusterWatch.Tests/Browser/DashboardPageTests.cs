using System.Net;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Browser;

/// <summary>The dashboard page and the language switch through HTTP, without a browser.</summary>
public abstract class DashboardPageTests(AppFactory app)
{
    private HttpClient Client() => app.Client(allowAutoRedirect: false);

    [Fact]
    public async Task Dashboard_defaults_to_the_2010_2012_work_plan_with_its_district_allocations()
    {
        var html = await Client().GetStringAsync("/");

        Assert.Contains("深圳市推进生物互联网新能源产业发展工作方案", html);
        Assert.Contains("id=\"targets-table\"", html);
        Assert.Contains("生物产业规模", html);
        Assert.Contains("id=\"allocations-table\"", html);
        Assert.Contains("光明新区", html);
        Assert.Contains("id=\"chart-status\"", html);
        Assert.Contains("id=\"dashboard-data\"", html);
    }

    [Fact]
    public async Task Forecast_badges_explain_their_formula_and_the_indicator_shows_the_plan_quote()
    {
        var html = await Client().GetStringAsync("/");

        var formulas = System.Text.RegularExpressions.Regex.Matches(html, "class=\"badge tip tip-left fc-[\\w-]+\" tabindex=\"0\" title=\"([^\"]*)\"");
        Assert.NotEmpty(formulas);
        Assert.All(formulas, m => Assert.Matches("→ (已达成|进展顺利|需加速|进展有限|倒退|数据不足)", WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("title=\"“生物产业规模达到700亿元”\"", html);
        Assert.Contains("预计目标年值", html);
        Assert.Contains("class=\"forecast-detail\"", html);
    }

    [Fact]
    public async Task Every_target_row_shows_the_forecast_status_and_projection_of_the_progress_api()
    {
        var html = await Client().GetStringAsync("/");
        var planId = System.Text.RegularExpressions.Regex.Match(html, "name=\"planId\"[\\s\\S]*?<option value=\"(\\d+)\" selected=\"selected\"").Groups[1].Value;
        var year = System.Text.RegularExpressions.Regex.Match(html, "name=\"year\"[\\s\\S]*?<option value=\"(\\d+)\" selected=\"selected\"").Groups[1].Value;
        using var json = System.Text.Json.JsonDocument.Parse(await Client().GetStringAsync($"/api/plans/{planId}/progress?year={year}"));

        var targets = json.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            var id = target.GetProperty("targetId").GetInt32();
            var forecast = target.GetProperty("forecast");
            var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr data-target-id=\"{id}\">([\\s\\S]*?)</tr>").Groups[1].Value;
            var badge = System.Text.RegularExpressions.Regex.Match(row, "<span class=\"badge tip tip-left (fc-[\\w-]+)\"[^>]*title=\"([^\"]*)\"[^>]*>([^<]*)</span>");
            Assert.True(badge.Success, $"target {id} has no forecast badge");
            Assert.Equal(forecast.GetProperty("statusLabel").GetString(), badge.Groups[3].Value);
            Assert.Equal(forecast.GetProperty("formula").GetString(), WebUtility.HtmlDecode(badge.Groups[2].Value));
            if (forecast.GetProperty("ratio").ValueKind == System.Text.Json.JsonValueKind.Number)
                Assert.Contains("R = ", WebUtility.HtmlDecode(badge.Groups[2].Value));
        }
        // The summary counts the forecast classes of the same targets.
        var onTrack = targets.Count(t => t.GetProperty("forecast").GetProperty("status").GetString() == "OnTrack");
        Assert.Matches($"data-forecast-status=\"OnTrack\"><span class=\"muted small\">进展顺利</span><b>{onTrack}</b>", html);
    }

    [Fact]
    public async Task Dashboard_is_in_Chinese_by_default_even_for_an_English_browser()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var html = await (await Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("进度看板", html);
    }

    [Fact]
    public async Task Set_language_stores_English_in_the_culture_cookie_and_returns_to_the_page()
    {
        var response = await Client().GetAsync("/set-language?culture=en&returnUrl=%2FPlans%3Fx%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Plans?x=1", response.Headers.Location?.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains(".AspNetCore.Culture=c%3Den%7Cuic%3Den", cookie);
    }

    [Fact]
    public async Task Set_language_refuses_to_redirect_to_another_site()
    {
        var response = await Client().GetAsync("/set-language?culture=en&returnUrl=%2F%2Fevil.example.com");

        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Culture_cookie_for_English_renders_the_dashboard_in_English()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = await (await Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Plan progress dashboard", html);
    }

    [Fact]
    public async Task Dashboard_shows_the_selected_plan_and_year_from_the_query()
    {
        var html = await Client().GetStringAsync("/");
        var plans = System.Text.RegularExpressions.Regex.Matches(html, "<option value=\"(\\d+)\"[^>]*>([^<]*)</option>");
        var other = plans.First(m => m.Groups[2].Value.Contains("2009") || m.Groups[2].Value.Contains("2020"));

        var selected = await Client().GetStringAsync($"/?planId={other.Groups[1].Value}");

        Assert.Contains($"<div class=\"muted\">{other.Groups[2].Value}</div>", selected);
        Assert.Contains($"<option value=\"{other.Groups[1].Value}\" selected=\"selected\">", selected);
    }

    [Fact]
    public async Task Dashboard_serves_the_chart_library_and_the_map_boundaries()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/echarts.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/htmx.min.js")).StatusCode);
        Assert.Contains("440311", await client.GetStringAsync("/geo/440300_full.json"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDashboardPageTests(SqliteAppFactory app) : DashboardPageTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresDashboardPageTests(PostgresAppFactory app) : DashboardPageTests(app);

/// <summary>A fresh installation has no plans: the dashboard explains that instead of failing.</summary>
public sealed class EmptyDashboardTests(EmptySqliteAppFactory app) : IClassFixture<EmptySqliteAppFactory>
{
    [Fact]
    public async Task Dashboard_without_plans_shows_an_explanatory_empty_state()
    {
        await using (app.Scope(out var db)) await ClusterWatch.Core.Accounts.DemoAccounts.SeedAsync(db); // a fresh installation's first account
        var response = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"dashboard-empty\"", html);
        Assert.Contains("还没有规划", html);
        Assert.DoesNotContain("id=\"targets-table\"", html);
    }
}
