using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Seeding;

/// <summary>The app seeds its empty database on start (other tests then add to it, so only what they cannot change is checked).</summary>
public abstract class SeedDataTests(AppFactory app)
{
    private static readonly string[] GoldSlugs = Directory.GetFiles(Path.Combine(AppPaths.SeedData, "plans"), "*.json")
        .Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

    [Fact]
    public async Task The_app_starts_with_the_five_gold_plans_the_regions_and_the_directory()
    {
        await using var scope = app.Scope(out var db);
        Assert.Equal(5, GoldSlugs.Length);
        Assert.Equal(GoldSlugs, await db.Plans.Where(p => GoldSlugs.Contains(p.Slug) && p.Source == PlanSeed.ParsedSource).Select(p => p.Slug).OrderBy(s => s).ToArrayAsync());
        Assert.True(await db.Regions.AnyAsync(r => r.Code == "440000" && r.Level == RegionLevel.Province));
        var rows = File.ReadLines(Path.Combine(AppPaths.SeedData, "companies", DirectorySeed.TushareFile)).Count() - 1;
        Assert.Equal(rows, await db.DirectoryCompanies.CountAsync(c => c.Source.StartsWith(DirectorySeed.TushareFile)));
    }

    [Fact]
    public async Task The_demo_enterprises_come_after_the_reference_data_and_are_all_synthetic()
    {
        await using var scope = app.Scope(out var db);
        Assert.True(await db.Enterprises.CountAsync(e => e.IsSynthetic) > 0);
        Assert.True(await db.Industries.AnyAsync(i => i.Code == "BIO.DEVICE.IVD"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSeedDataTests(SqliteAppFactory app) : SeedDataTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresSeedDataTests(PostgresAppFactory app) : SeedDataTests(app);
