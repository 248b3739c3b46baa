using System.Net;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// The golden city after one full analytics refresh (AnalyticsRefreshService, as the CLI and the worker run it): the dashboard
/// reads the fact table, and every hand-computed number of GoldenDashboardTests must come out the same; the warnings stage of the
/// same refresh raised the same 13 warnings.
/// </summary>
public abstract class GoldenRefreshTests(GoldenAppFactory app) : GoldenDashboardTests(app)
{
    private readonly GoldenAppFactory _app = app;

    [Fact]
    public async Task The_facts_are_current_after_the_full_refresh()
    {
        var client = await _app.ClientAsync("admin");
        var status = JsonDocument.Parse(await client.GetStringAsync("/api/analytics/status")).RootElement;
        Assert.True(status.GetProperty("factsCurrent").GetBoolean());
        Assert.True(status.GetProperty("lastWasFull").GetBoolean());
    }

    [Fact]
    public async Task The_refresh_raised_the_thirteen_warnings_without_a_separate_warning_refresh()
    {
        var client = await _app.ClientAsync("admin");
        var response = await client.GetAsync("/api/warnings?status=open&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        // Same rules, same pinned clock as GoldenWarningsTests: 3 targets, 2 allocations, 1 lagging district, 1 stalled task,
        // 1 missing and 1 late report, 1 revenue drop, 2 tier crossings, 1 move out of the city.
        var kinds = items.GroupBy(w => w.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["TargetAtRisk"] = 3, ["AllocationAtRisk"] = 2, ["DistrictLaggingShare"] = 1, ["TaskStalled"] = 1, ["ReportMissing"] = 1,
            ["ReportLate"] = 1, ["EnterpriseRevenueDrop"] = 1, ["EnterpriseTierChange"] = 2, ["EnterpriseMovedOut"] = 1,
        }, kinds);
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenRefreshTests(GoldenRefreshedSqliteFactory app) : GoldenRefreshTests(app), IClassFixture<GoldenRefreshedSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenRefreshTests(GoldenRefreshedPostgresFactory app) : GoldenRefreshTests(app), IClassFixture<GoldenRefreshedPostgresFactory>;
