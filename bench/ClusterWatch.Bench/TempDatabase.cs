using ClusterWatch.Core.Data;
using Npgsql;

namespace ClusterWatch.Bench;

/// <summary>A throwaway SQLite file or PostgreSQL database (admin connection from CLUSTERWATCH_TEST_PG), removed afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly string _name;
    private readonly string? _admin;
    public string ConnectionString { get; }

    private TempDatabase(DatabaseProvider provider, string name, string connectionString, string? admin)
    {
        _provider = provider;
        _name = name;
        ConnectionString = connectionString;
        _admin = admin;
    }

    public static TempDatabase Create(DatabaseProvider provider)
    {
        var name = $"clusterwatch_bench_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new TempDatabase(provider, file, $"Data Source={file};Pooling=false", null);
        }
        var admin = Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG")
            ?? throw new InvalidOperationException("--provider postgresql needs CLUSTERWATCH_TEST_PG (admin connection string).");
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            cmd.ExecuteNonQuery();
        }
        return new TempDatabase(provider, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString(), admin);
    }

    public long SizeMb()
    {
        if (_provider == DatabaseProvider.Sqlite) return File.Exists(_name) ? new FileInfo(_name).Length / (1024 * 1024) : 0;
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database())", conn);
        return (long)cmd.ExecuteScalar()! / (1024 * 1024);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider == DatabaseProvider.Sqlite)
        {
            foreach (var f in new[] { _name, _name + "-wal", _name + "-shm" }) if (File.Exists(f)) File.Delete(f);
            return;
        }
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
