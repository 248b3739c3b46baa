using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Analytics;

/// <summary>The public /Rankings page and the admin /Assessment page, rendered by the real app.</summary>
public abstract class AssessmentPageTests(AppFactory app)
{
    private async Task<int> DemoSchemeIdAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Set<AssessmentScheme>().Where(s => s.Name == AssessmentDemo.SchemeName).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_the_published_ranking_with_its_units_and_the_synthetic_label()
    {
        var id = await DemoSchemeIdAsync();
        var api = await (await app.ClientAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/rankings?scheme={id}&period=2024");
        var first = api.GetProperty("groups")[0].GetProperty("units")[0];

        var response = await app.CreateClient().GetAsync($"/Rankings?scheme={id}&period=2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(AssessmentDemo.SchemeName, html);
        Assert.Contains("示例数据", html);
        Assert.Contains($"<td class=\"unit-name\">{first.GetProperty("unitName").GetString()}</td>", html);
        Assert.Contains("ranking-chart-0", html);
        Assert.DoesNotContain("id=\"unpublished\"", html);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_not_published_for_an_unpublished_period()
    {
        var id = await DemoSchemeIdAsync();
        var response = await app.CreateClient().GetAsync($"/Rankings?scheme={id}&period=2023");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未发布", html);
        Assert.DoesNotContain("unit-name", html);
    }

    [Fact]
    public async Task Staff_see_an_unpublished_period_marked_as_such()
    {
        var id = await DemoSchemeIdAsync();
        var html = await (await app.ClientAsync("analyst")).GetStringAsync($"/Rankings?scheme={id}&period=2023");
        Assert.Contains("id=\"unpublished\"", html);
        Assert.Contains("unit-name", html);
    }

    [Fact]
    public async Task The_assessment_admin_page_is_for_admins_only()
    {
        var admin = await (await app.ClientAsync("admin")).GetStringAsync("/Assessment");
        Assert.Contains(AssessmentDemo.SchemeName, admin);
        var analyst = await app.ClientAsync("analyst", allowAutoRedirect: false);
        Assert.NotEqual(HttpStatusCode.OK, (await analyst.GetAsync("/Assessment")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAssessmentPageTests(SqliteAppFactory app) : AssessmentPageTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresAssessmentPageTests(PostgresAppFactory app) : AssessmentPageTests(app);
