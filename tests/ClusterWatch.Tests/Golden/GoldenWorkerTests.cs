using System.Text.Json;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Golden;

/// <summary>The background refresh on: an audited figure edit reaches the dashboard without anyone calling a refresh.</summary>
public abstract class GoldenWorkerTests(GoldenAppFactory app)
{
    [Fact]
    public async Task The_background_refresh_picks_up_a_figure_edit_and_the_dashboard_moves_by_exactly_that_amount()
    {
        var admin = await app.ClientAsync("admin");
        var url = $"/api/plans/{app.City.PlanId}/progress?year=2025";
        var before = RevenueActual2024(JsonDocument.Parse(await admin.GetStringAsync(url)).RootElement);

        long editAuditId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
            await using var editor = new AppDbContext(options, new FixedAuditUser("示例编辑"));
            var e03 = app.City.Enterprises["E03"].Id;
            var figure = await editor.EnterpriseFigures.SingleAsync(f => f.EnterpriseId == e03 && f.Year == 2024 && f.Quarter == 0);
            figure.Revenue += 20000m; // +2 亿元
            await editor.SaveChangesAsync();
            editAuditId = await editor.AuditEntries.MaxAsync(a => a.Id);
        }

        JsonElement status = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            status = JsonDocument.Parse(await admin.GetStringAsync("/api/analytics/status")).RootElement.Clone();
            if (!status.GetProperty("running").GetBoolean() && status.GetProperty("lastAuditId").GetInt64() >= editAuditId) break;
            await Task.Delay(250);
        }
        Assert.True(status.GetProperty("lastAuditId").GetInt64() >= editAuditId, $"No background refresh reached audit id {editAuditId} within 60 s: {status}");
        Assert.True(status.GetProperty("factsCurrent").GetBoolean());

        var after = RevenueActual2024(JsonDocument.Parse(await admin.GetStringAsync(url)).RootElement);
        Assert.Equal(before + 2m, after);
    }

    /// <summary>The 2024 actual (亿元) in the series of the city's revenue target.</summary>
    private decimal RevenueActual2024(JsonElement progress)
    {
        var target = progress.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("targetId").GetInt32() == app.City.TargetRevenueId);
        return target.GetProperty("series").EnumerateArray().Single(p => p.GetProperty("year").GetInt32() == 2024).GetProperty("actual").GetDecimal();
    }
}

public sealed class GoldenWorkerSqliteFactory : GoldenSqliteFactory
{
    public override bool FullAnalyticsRefresh => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Analytics:BackgroundRefresh", "true");
        builder.UseSetting("Analytics:PollSeconds", "1");
    }
}

public sealed class GoldenWorkerPostgresFactory : GoldenPostgresFactory
{
    public override bool FullAnalyticsRefresh => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Analytics:BackgroundRefresh", "true");
        builder.UseSetting("Analytics:PollSeconds", "1");
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenWorkerTests(GoldenWorkerSqliteFactory app) : GoldenWorkerTests(app), IClassFixture<GoldenWorkerSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenWorkerTests(GoldenWorkerPostgresFactory app) : GoldenWorkerTests(app), IClassFixture<GoldenWorkerPostgresFactory>;
