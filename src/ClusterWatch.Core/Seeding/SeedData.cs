using ClusterWatch.Core.Data;
using Microsoft.Extensions.Logging;

namespace ClusterWatch.Core.Seeding;

/// <summary>Loads regions, units, plans, the company directory and the synthetic demo set into an empty database.</summary>
public static class SeedData
{
    public static Task SeedAsync(AppDbContext db, DatabaseOptions options, ILogger logger, CancellationToken ct = default)
    {
        // Filled in by the seeding work: regions → units → plans → directory → demo enterprises.
        return Task.CompletedTask;
    }
}
