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

    /// <summary>A kept database (bench --keep) is reused by later runs instead of being removed.</summary>
    public bool Kept { get; private init; }
    public bool Existed { get; private init; }

    private TempDatabase(DatabaseProvider provider, string name, string connectionString, string? admin)
    {
        _provider = provider;
        _name = name;
        ConnectionString = connectionString;
        _admin = admin;
    }

    /// <param name="keep">A name to create once and reuse on later runs (never removed), or null for a throwaway database.</param>
    public static TempDatabase Create(DatabaseProvider provider, string? keep = null)
    {
        var name = keep is null ? $"clusterwatch_bench_{Guid.NewGuid():N}" : $"clusterwatch_bench_keep_{keep}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new TempDatabase(provider, file, $"Data Source={file};Pooling=false", null) { Kept = keep is not null, Existed = File.Exists(file) };
        }
        var admin = Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG")
            ?? throw new InvalidOperationException("--provider postgresql needs CLUSTERWATCH_TEST_PG (admin connection string).");
        var existed = false;
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var exists = new NpgsqlCommand($"SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'", conn);
            existed = (long)exists.ExecuteScalar()! > 0;
            if (!existed)
            {
                using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
                cmd.ExecuteNonQuery();
            }
        }
        return new TempDatabase(provider, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString(), admin)
            { Kept = keep is not null, Existed = existed };
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
        if (Kept) return;
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
