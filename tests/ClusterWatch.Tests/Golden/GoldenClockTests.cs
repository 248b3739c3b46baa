using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>Defaults that depend on "now" follow the app's TimeProvider, pinned to 2025-07-20 10:00 (China) in the golden app.</summary>
public abstract class GoldenClockTests(GoldenAppFactory app)
{
    [Fact]
    public async Task The_dashboard_without_a_year_opens_at_the_pinned_year_2025()
    {
        var client = await app.ClientAsync("admin");
        var progress = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{app.City.PlanId}/progress")).RootElement;
        var year = progress.GetProperty("year").GetInt32();
        Assert.True(year == 2025,
            "GOLDEN DISCREPANCY (H1 Web/Analytics/AnalyticsEndpoints.GetPlanProgress): the default year comes from DateTime.UtcNow, not the " +
            $"injected TimeProvider (COMMON: \"now\" always comes from TimeProvider); with the clock pinned to 2025-07-20 it answered {year}.");
    }

    [Fact]
    public async Task The_chain_map_without_a_year_uses_the_pinned_year_2025()
    {
        var client = await app.ClientAsync("admin");
        var chains = JsonDocument.Parse(await client.GetStringAsync("/api/chains?region=990100&benchmark=990000")).RootElement;
        Assert.Equal(2025, chains.GetProperty("year").GetInt32());
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenClockTests(GoldenSqliteFactory app) : GoldenClockTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenClockTests(GoldenPostgresFactory app) : GoldenClockTests(app), IClassFixture<GoldenPostgresFactory>;
