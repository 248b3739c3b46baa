using Npgsql;

namespace ClusterWatch.Tests.Infrastructure;

/// <summary>A temporary SQLite file (with its WAL companions) deleted on dispose.</summary>
public sealed class ThrowawaySqliteFile(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
    public string ConnectionString => $"Data Source={Path};Pooling=false";

    public void Dispose()
    {
        foreach (var f in new[] { Path, Path + "-wal", Path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>A fresh PostgreSQL database on the server CLUSTERWATCH_TEST_PG names (test.sh sets it), dropped on dispose.</summary>
public sealed class ThrowawayPostgresDatabase : IDisposable
{
    private readonly string _admin;
    private readonly string _database;

    public ThrowawayPostgresDatabase(string prefix)
    {
        _admin = Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG")
            ?? throw new InvalidOperationException("PostgreSQL tests need CLUSTERWATCH_TEST_PG (e.g. Host=127.0.0.1;Username=postgres;Password=postgres). Run them through ./test.sh, which starts or detects a server.");
        _database = $"{prefix}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' TEMPLATE template0");
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_admin) { Database = _database, Pooling = false }.ToString();

    public void Dispose()
    {
        try { Execute($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)"); }
        catch (NpgsqlException) { /* the server may already be gone at the end of a run */ }
    }

    private void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(_admin);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
