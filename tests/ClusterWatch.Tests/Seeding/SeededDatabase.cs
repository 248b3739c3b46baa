using System.Diagnostics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ClusterWatch.Tests.Seeding;

/// <summary>A fresh database of one provider holding only the seed (no demo data), so exact counts are not disturbed by other tests.</summary>
public abstract class SeededDatabase : IAsyncLifetime
{
    public TimeSpan SeedTime { get; private set; }
    protected abstract void Configure(DbContextOptionsBuilder<AppDbContext> builder);
    protected virtual Task CreateAsync() => Task.CompletedTask;
    protected abstract Task DropAsync();

    public AppDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder);
        return new AppDbContext(builder.Options);
    }

    public async Task InitializeAsync()
    {
        await CreateAsync();
        await using var db = NewContext();
        await MigrationRunner.MigrateAsync(db);
        var clock = Stopwatch.StartNew();
        await SeedData.SeedAsync(db, new DatabaseOptions { DemoEnterprises = 0 }, NullLogger.Instance);
        SeedTime = clock.Elapsed;
    }

    public Task DisposeAsync() => DropAsync();
}

public sealed class SqliteSeededDatabase : SeededDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clusterwatch-seed-{Guid.NewGuid():N}.db");

    protected override void Configure(DbContextOptionsBuilder<AppDbContext> builder) => builder.UseSqlite($"Data Source={_file};Pooling=false");

    protected override Task DropAsync()
    {
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }
}

/// <summary>Needs CLUSTERWATCH_TEST_PG, like the PostgreSQL app factory.</summary>
public sealed class PostgresSeededDatabase : SeededDatabase
{
    private readonly string _database = $"clusterwatch_seed_{Guid.NewGuid():N}";
    private readonly string _admin = Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG")
        ?? throw new InvalidOperationException("PostgreSQL tests need CLUSTERWATCH_TEST_PG (e.g. Host=127.0.0.1;Username=postgres;Password=postgres).");

    protected override void Configure(DbContextOptionsBuilder<AppDbContext> builder) =>
        builder.UseNpgsql(new NpgsqlConnectionStringBuilder(_admin) { Database = _database, Pooling = false }.ToString());

    protected override Task CreateAsync() => AdminAsync($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' TEMPLATE template0");

    protected override Task DropAsync() => AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");

    private async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
