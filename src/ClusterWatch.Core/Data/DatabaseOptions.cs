using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Data;

public enum DatabaseProvider { Sqlite = 0, PostgreSQL = 1 }

/// <summary>Bound from the "Database" section; the connection string comes from ConnectionStrings:Default.</summary>
public class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Seed regions, units, plans, directory and demo enterprises into an empty database on start.</summary>
    public bool SeedOnStart { get; set; } = true;
    [Range(0, 1_000_000)]
    public int DemoEnterprises { get; set; } = 5000;
    public int DemoSeed { get; set; } = 20260101;

    public const string DefaultSqlite = "Data Source=data/clusterwatch.db";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string? connectionString)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Default is empty.");
            builder.UseNpgsql(connectionString);
        }
        else
        {
            var cs = ResolveSqlitePath(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString);
            builder.UseSqlite(cs);
        }
    }

    /// <summary>A relative SQLite path is taken from the repository root, so the web app and the CLI share one file.</summary>
    public static string ResolveSqlitePath(string connectionString)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource == ":memory:" || csb.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory) return connectionString;
        if (!Path.IsPathRooted(csb.DataSource)) csb.DataSource = Path.Combine(AppPaths.Root, csb.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        return csb.ToString();
    }
}
