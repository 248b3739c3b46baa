using Microsoft.Extensions.Logging;

namespace ClusterWatch.Core.Data;

/// <summary>Brings a database to the current schema and, when empty, loads the reference and demo data.</summary>
public class DatabaseInitializer(AppDbContext db, ILogger<DatabaseInitializer> logger, Analytics.Refresh.AnalyticsRefreshService? analytics = null)
{
    public async Task InitializeAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        var result = await MigrationRunner.MigrateAsync(db, ct);
        if (result.Applied.Count > 0)
            logger.LogInformation("Schema migrated from {From} to {To}: {Scripts}", result.FromVersion, result.ToVersion, string.Join(", ", result.Applied));
        if (options.SeedOnStart)
            await Seeding.SeedData.SeedAsync(db, options, logger, ct);
        if (analytics is not null) logger.LogInformation("Analytics refreshed on start: {Result}", await analytics.RefreshChangesAsync(null, ct));
    }
}
