using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Analytics;

/// <summary>/api/rankings and /api/assessment/schemes through HTTP, on both providers.</summary>
public abstract class AssessmentApiTests(AppFactory app)
{
    private static readonly object[] AllSix =
    [
        new { kind = "TargetCompletion", weight = 25 }, new { kind = "AllocationCompletion", weight = 20 }, new { kind = "TaskCompletion", weight = 20 },
        new { kind = "ReportTimeliness", weight = 15 }, new { kind = "ReportCompleteness", weight = 10 }, new { kind = "DataQuality", weight = 10 },
    ];

    private async Task<int> WorkPlanIdAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Plans.Where(p => p.Slug == ReportingDemo.WorkPlanSlug).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> CreateSchemeAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name, planId = await WorkPlanIdAsync(), periodType = "Year", isSynthetic = true, indicators = AllSix,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Anonymous_visitors_get_401_before_publication_and_the_ranking_after_it()
    {
        var admin = await app.ClientAsync("admin");
        var anonymous = app.CreateClient();
        var id = await CreateSchemeAsync(admin, $"考核-发布-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null)).StatusCode);
        var before = await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2024");
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Contains("尚未发布", await before.Content.ReadAsStringAsync());
        // Signed-in staff may look before it is published.
        var staffView = await JsonAsync(await (await app.ClientAsync("analyst")).GetAsync($"/api/rankings?scheme={id}&period=2024"));
        Assert.False(staffView.GetProperty("published").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/publish?period=2024", null)).StatusCode);
        var after = await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2024");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var ranking = await JsonAsync(after);
        Assert.True(ranking.GetProperty("published").GetBoolean());
        Assert.Equal("2024", ranking.GetProperty("period").GetString());
        Assert.NotEmpty(ranking.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("units").EnumerateArray()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/withdraw?period=2024", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2024")).StatusCode);
    }

    [Fact]
    public async Task A_published_period_refuses_recompute_with_409_until_withdrawn()
    {
        var admin = await app.ClientAsync("admin");
        var id = await CreateSchemeAsync(admin, $"考核-冻结-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/publish?period=2024", null)).StatusCode);

        var refused = await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("撤回", (await JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/assessment/schemes/{id}/publish?period=2024", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/withdraw?period=2024", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null)).StatusCode);
    }

    [Fact]
    public async Task Weights_not_summing_to_100_are_a_validation_problem_naming_the_field_and_nothing_is_saved()
    {
        var admin = await app.ClientAsync("admin");
        var name = $"考核-权重-{Guid.NewGuid():N}";
        var response = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name, periodType = "Year", indicators = new object[] { new { kind = "TargetCompletion", weight = 60 }, new { kind = "TaskCompletion", weight = 35 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("当前为 95 分", errors.GetProperty("indicators")[0].GetString());
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Set<AssessmentScheme>().AnyAsync(s => s.Name == name));
    }

    [Fact]
    public async Task A_quarter_period_for_a_yearly_scheme_is_rejected_naming_the_period()
    {
        var admin = await app.ClientAsync("admin");
        var id = await CreateSchemeAsync(admin, $"考核-期间-{Guid.NewGuid():N}");
        var response = await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024Q2", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2024Q2", (await JsonAsync(response)).GetProperty("errors").GetProperty("period")[0].GetString());
    }

    [Fact]
    public async Task Only_admins_define_schemes()
    {
        var analyst = await app.ClientAsync("analyst");
        var response = await analyst.PostAsJsonAsync("/api/assessment/schemes", new { name = "x", periodType = "Year", indicators = AllSix });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/assessment/schemes")).StatusCode);
    }

    [Fact]
    public async Task The_demo_ranking_of_2024_is_published_ranks_within_peer_groups_and_shows_the_change_from_2023()
    {
        var admin = await app.ClientAsync("admin");
        var schemes = await JsonAsync(await admin.GetAsync("/api/assessment/schemes"));
        var demo = schemes.EnumerateArray().Single(s => s.GetProperty("name").GetString() == AssessmentDemo.SchemeName);
        Assert.True(demo.GetProperty("isSynthetic").GetBoolean());
        var id = demo.GetProperty("id").GetInt32();

        var anonymous = app.CreateClient();
        var ranking = await JsonAsync(await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2024"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2023")).StatusCode);

        await using var scope = app.Scope(out var db);
        var kinds = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Kind);
        var groups = ranking.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["District", "Department"], groups.Select(g => g.GetProperty("peerGroup").GetString()!).ToArray());
        foreach (var group in groups)
        {
            var expectedKind = group.GetProperty("peerGroup").GetString() == "District" ? UnitKind.DistrictGovernment : UnitKind.Department;
            var units = group.GetProperty("units").EnumerateArray().ToList();
            Assert.All(units, u => Assert.Equal(expectedKind, kinds[u.GetProperty("unitId").GetInt32()]));
            Assert.Equal(1, units[0].GetProperty("rank").GetInt32());
            // Competition ranking: a unit's rank is one more than the number of its peers with a higher score.
            foreach (var u in units)
                Assert.Equal(1 + units.Count(o => o.GetProperty("score").GetDecimal() > u.GetProperty("score").GetDecimal()), u.GetProperty("rank").GetInt32());
            // The breakdown's points (each rounded to 0.01) add up to the score.
            foreach (var u in units)
                Assert.InRange(u.GetProperty("score").GetDecimal() - u.GetProperty("breakdown").EnumerateArray().Sum(b => b.GetProperty("points").GetDecimal()), -0.03m, 0.03m);
        }
        Assert.Contains(groups.SelectMany(g => g.GetProperty("units").EnumerateArray()), u => u.GetProperty("previousScore").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Report_timeliness_and_completeness_equal_the_reporting_completeness_of_the_units_forms_over_the_year()
    {
        var admin = await app.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = $"考核-报送-{Guid.NewGuid():N}", periodType = "Year", isSynthetic = true,
            indicators = new object[] { new { kind = "ReportTimeliness", weight = 50 }, new { kind = "ReportCompleteness", weight = 50 } },
        });
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        var ranking = await JsonAsync(await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null));
        var district = ranking.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("peerGroup").GetString() == "District").GetProperty("units")[0];
        var unitId = district.GetProperty("unitId").GetInt32();

        // The same count from the reporting feature: every active form's 2024 periods, the unit's state in each.
        int expected = 0, onTime = 0, submitted = 0;
        var forms = (await JsonAsync(await admin.GetAsync("/api/forms?pageSize=500"))).GetProperty("items").EnumerateArray().Where(f => f.GetProperty("isActive").GetBoolean());
        foreach (var form in forms)
        {
            var periods = form.GetProperty("periodType").GetString() switch
            {
                "Quarter" => Enumerable.Range(1, 4).Select(q => $"2024Q{q}"),
                "Month" => Enumerable.Range(1, 12).Select(m => $"2024M{m:00}"),
                _ => ["2024"],
            };
            foreach (var period in periods)
            {
                var completeness = await JsonAsync(await admin.GetAsync($"/api/completeness?form={form.GetProperty("id").GetInt32()}&period={period}"));
                foreach (var u in completeness.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("unitId").GetInt32() == unitId))
                {
                    expected++;
                    var state = u.GetProperty("state").GetString();
                    if (state == "OnTime") onTime++;
                    if (state is "OnTime" or "Late") submitted++;
                }
            }
        }
        Assert.True(expected > 0);
        var breakdown = district.GetProperty("breakdown").EnumerateArray().ToDictionary(b => b.GetProperty("kind").GetString()!);
        Assert.Equal(Math.Round(100m * onTime / expected, 2), breakdown["ReportTimeliness"].GetProperty("score").GetDecimal());
        Assert.Equal(Math.Round(100m * submitted / expected, 2), breakdown["ReportCompleteness"].GetProperty("score").GetDecimal());
        Assert.Equal($"{onTime} / {expected} 按时报送", breakdown["ReportTimeliness"].GetProperty("rawText").GetString());
    }

    [Fact]
    public async Task Allocation_completion_is_the_mean_of_the_dashboards_capped_percent_over_the_districts_shares()
    {
        var admin = await app.ClientAsync("admin");
        var planId = await WorkPlanIdAsync();
        var created = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = $"考核-分解-{Guid.NewGuid():N}", planId, periodType = "Year", isSynthetic = true,
            indicators = new object[] { new { kind = "AllocationCompletion", weight = 100 } },
        });
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        var ranking = await JsonAsync(await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null));
        var progress = await JsonAsync(await admin.GetAsync($"/api/plans/{planId}/progress?year=2024"));
        await using var scope = app.Scope(out var db);
        var series = await db.Units.Where(u => u.RegionId != null).Select(u => new { u.Id, u.Region!.SeriesCode }).ToDictionaryAsync(u => u.Id, u => u.SeriesCode);

        var districts = ranking.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("peerGroup").GetString() == "District").GetProperty("units").EnumerateArray().ToList();
        Assert.NotEmpty(districts);
        foreach (var d in districts)
        {
            var percents = progress.GetProperty("allocations").EnumerateArray()
                .Where(a => a.GetProperty("seriesCode").GetString() == series[d.GetProperty("unitId").GetInt32()] && a.GetProperty("percentOfTarget").ValueKind == JsonValueKind.Number)
                .Select(a => Math.Clamp(a.GetProperty("percentOfTarget").GetDecimal(), 0m, 100m)).ToList();
            Assert.NotEmpty(percents);
            Assert.Equal(Math.Round(percents.Average(), 2, MidpointRounding.AwayFromZero), d.GetProperty("score").GetDecimal());
        }
        Assert.DoesNotContain(ranking.GetProperty("groups").EnumerateArray(), g => g.GetProperty("peerGroup").GetString() == "Department");
    }

    [Fact]
    public async Task A_ranking_exports_as_an_xlsx_workbook()
    {
        var admin = await app.ClientAsync("admin");
        var id = await CreateSchemeAsync(admin, $"考核-导出-{Guid.NewGuid():N}");
        await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null);
        var response = await admin.GetAsync($"/api/rankings.xlsx?scheme={id}&period=2024");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/rankings.xlsx?scheme={id}&period=2024")).StatusCode);
    }

    [Fact]
    public async Task Refresh_recomputes_an_unpublished_period_but_leaves_a_published_one_frozen()
    {
        var admin = await app.ClientAsync("admin");
        var open = await CreateSchemeAsync(admin, $"考核-刷新-{Guid.NewGuid():N}");
        var frozen = await CreateSchemeAsync(admin, $"考核-刷新冻结-{Guid.NewGuid():N}");
        foreach (var id in new[] { open, frozen })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period=2024", null)).StatusCode);
        var published = await admin.PostAsync($"/api/assessment/schemes/{frozen}/publish?period=2024", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        await using var scope = app.Scope(out var db);
        DateTimeOffset ComputedAt(int id) => db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == id).AsEnumerable().Max(r => r.ComputedAt);
        var (openBefore, frozenBefore) = (ComputedAt(open), ComputedAt(frozen));
        await Task.Delay(20);

        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var count = await service.RefreshAsync(ClusterWatch.Core.Analytics.RefreshScope.Of(years: [2024]), default);

        Assert.True(count >= 1);
        Assert.True(ComputedAt(open) > openBefore);
        Assert.Equal(frozenBefore, ComputedAt(frozen));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAssessmentApiTests(SqliteAppFactory app) : AssessmentApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresAssessmentApiTests(PostgresAppFactory app) : AssessmentApiTests(app);
