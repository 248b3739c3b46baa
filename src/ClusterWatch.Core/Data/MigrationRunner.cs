using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Data;

/// <summary>Applies the committed SQL scripts (Migrations/{Provider}/NNNN_name.sql) in order, recording each in schema_version.</summary>
public static class MigrationRunner
{
    public sealed record Script(int Version, string Name, string Sql);
    public sealed record Result(int FromVersion, int ToVersion, IReadOnlyList<string> Applied);

    public static IReadOnlyList<Script> Scripts(DatabaseProvider provider)
    {
        var asm = typeof(MigrationRunner).Assembly;
        var prefix = $"{asm.GetName().Name}.Migrations.{provider}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file.Split('_')[0].TrimStart('_'));
                using var stream = asm.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Script(version, file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    public static DatabaseProvider ProviderOf(DbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    public static async Task<Result> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        var provider = ProviderOf(db);
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            // WAL lets the dashboard read while a refresh or an import writes; the mode is stored in the file, so once is enough.
            if (provider == DatabaseProvider.Sqlite) await ExecAsync(conn, null, "PRAGMA journal_mode=WAL", ct);
            await ExecAsync(conn, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var current = await CurrentVersionAsync(conn, ct);
            var applied = new List<string>();
            foreach (var script in Scripts(provider).Where(s => s.Version > current))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, script.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParam(cmd, "@v", script.Version);
                    AddParam(cmd, "@n", script.Name);
                    AddParam(cmd, "@a", DateTimeOffset.UtcNow.ToString("O"));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(script.Name);
            }
            return new Result(current, await CurrentVersionAsync(conn, ct), applied);
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    private static async Task<int> CurrentVersionAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>The create script EF would produce for the current model; used to write 0001 and to detect drift.</summary>
    public static string GenerateCreateScript(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(builder, provider, provider == DatabaseProvider.PostgreSQL ? "Host=localhost;Database=model_only" : "Data Source=:memory:");
        using var db = new AppDbContext(builder.Options);
        return db.Database.GenerateCreateScript();
    }

    /// <summary>The statements of a create script, one per entry, trimmed; statements end with ";" at a line end.</summary>
    public static IReadOnlyList<string> Statements(string script) =>
        script.Replace("\r\n", "\n").Split(";\n")
            .Select(s => string.Join('\n', s.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)).Trim().TrimEnd(';'))
            .Where(s => s.Length > 0)
            .ToList();

    /// <summary>The table a CREATE TABLE or CREATE INDEX statement is about, or null.</summary>
    public static string? TableOf(string statement)
    {
        var firstLine = statement.Split('\n')[0];
        var marker = firstLine.StartsWith("CREATE TABLE ", StringComparison.Ordinal) ? "CREATE TABLE " : firstLine.Contains(" ON ", StringComparison.Ordinal) ? " ON " : null;
        if (marker is null) return null;
        var rest = firstLine[(firstLine.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].TrimStart();
        if (!rest.StartsWith('"')) return null;
        var end = rest.IndexOf('"', 1);
        return end < 0 ? null : rest[1..end];
    }

    /// <summary>The create statements (tables and their indexes) of the named tables only: the body of a new NNNN script.</summary>
    public static string GenerateScriptForTables(DatabaseProvider provider, IReadOnlyCollection<string> tables)
    {
        var wanted = new HashSet<string>(tables, StringComparer.Ordinal);
        var statements = Statements(GenerateCreateScript(provider)).Where(s => TableOf(s) is { } t && wanted.Contains(t)).ToList();
        var missing = wanted.Where(t => !statements.Any(s => TableOf(s) == t)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"The model has no table named {string.Join(", ", missing)}.");
        return string.Join("\n\n", statements.Select(s => s + ";")) + "\n";
    }
}
