using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// The real app on an EMPTY fresh database (no seeding) with the clock pinned to 2025-07-20 10:00 Asia/Shanghai;
/// the golden city is written into it once, before the first test.
/// </summary>
public abstract class GoldenAppFactory : AppFactory, IAsyncLifetime
{
    /// <summary>2025-07-20 10:00 +08:00: after the 2025Q2 report deadline (07-10), before 2025Q3's.</summary>
    public static readonly DateTimeOffset Now = new(2025, 7, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public TestClock Clock { get; } = new(Now);

    public GoldenCity.Ids City { get; private set; } = null!;

    /// <summary>True: after seeding, the full analytics refresh (facts, then warnings, chains, credit, assessment) runs once.</summary>
    public virtual bool FullAnalyticsRefresh => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedOnStart", "false");
        builder.UseSetting("Database:DemoEnterprises", "0");
        // No background refresh racing the tests' own refresh calls.
        builder.UseSetting("Analytics:BackgroundRefresh", "false");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task InitializeAsync()
    {
        await using var scope = Scope(out var db);
        City = await GoldenCity.SeedAsync(db, Now);
        // What seeding on start would add to a real database: the reference chains, the link mappings and the credit scores.
        await ChainSeed.EnsureAsync(db, AppPaths.SeedData);
        await scope.ServiceProvider.GetRequiredService<ChainAnalysisService>().RefreshAsync(RefreshScope.Full, default);
        await scope.ServiceProvider.GetRequiredService<CreditScoringService>().RefreshAsync(RefreshScope.Full);
        if (FullAnalyticsRefresh)
            await scope.ServiceProvider.GetRequiredService<AnalyticsRefreshService>().RefreshAsync(RefreshScope.Full, null, default);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class GoldenSqliteFactory : GoldenAppFactory
{
    private readonly ThrowawaySqliteFile _file = new("clusterwatch-golden");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => _file.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _file.Dispose();
    }
}

/// <summary>Needs CLUSTERWATCH_TEST_PG (an admin connection string); creates and drops its own database.</summary>
public class GoldenPostgresFactory : GoldenAppFactory
{
    private readonly ThrowawayPostgresDatabase _database = new("clusterwatch_golden");
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
    protected override string ConnectionString => _database.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database?.Dispose();
    }
}

/// <summary>The golden city after a full analytics refresh: the dashboard reads the fact table.</summary>
public sealed class GoldenRefreshedSqliteFactory : GoldenSqliteFactory
{
    public override bool FullAnalyticsRefresh => true;
}

public sealed class GoldenRefreshedPostgresFactory : GoldenPostgresFactory
{
    public override bool FullAnalyticsRefresh => true;
}
