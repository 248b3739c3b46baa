using ClusterWatch.Core.Data;
using ClusterWatch.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterWatch.Tests.Seeding;

/// <summary>Seeding on its own SQLite file: idempotence, and no half-seeded database after a failure.</summary>
public sealed class SeedTransactionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clusterwatch-seed-{Guid.NewGuid():N}.db");
    private readonly string _seedCopy = Path.Combine(Path.GetTempPath(), $"clusterwatch-seeddata-{Guid.NewGuid():N}");

    private async Task<AppDbContext> OpenAsync()
    {
        var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file};Pooling=false").Options);
        await MigrationRunner.MigrateAsync(db);
        return db;
    }

    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        await using var db = await OpenAsync();
        var options = new DatabaseOptions { DemoEnterprises = 0 };
        await SeedData.SeedAsync(db, options, NullLogger.Instance);

        var regions = await db.Regions.CountAsync();
        var units = await db.Units.CountAsync();
        var companies = await db.DirectoryCompanies.CountAsync();
        await SeedData.SeedAsync(db, options, NullLogger.Instance);
        Assert.Equal(regions, await db.Regions.CountAsync());
        Assert.Equal(units, await db.Units.CountAsync());
        Assert.Equal(companies, await db.DirectoryCompanies.CountAsync());
        Assert.Equal(0, await db.Enterprises.CountAsync());
    }

    [Fact]
    public async Task A_plan_naming_an_unknown_unit_leaves_the_database_empty_with_the_unit_named_in_the_error()
    {
        CopyDirectory(AppPaths.SeedData, _seedCopy);
        var broken = Path.Combine(_seedCopy, "plans", "shenzhen-biomed-cluster-2020-2025.json");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"市发展改革委\"", "\"市外星事务办\""));

        await using var db = await OpenAsync();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SeedData.SeedReferenceDataAsync(db, _seedCopy, NullLogger.Instance));
        Assert.Contains("市外星事务办", error.Message);
        Assert.Equal(0, await db.Regions.CountAsync());
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }

    public void Dispose()
    {
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(_seedCopy)) Directory.Delete(_seedCopy, recursive: true);
    }
}
