using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClusterWatch.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>
/// Rebuilds the AnalyticsFacts of a scope: reads the enterprises and sites in scope, passes the figures once through a
/// FactAccumulator and replaces the scope's facts in one short write transaction.
/// PostgreSQL pre-aggregates the figures by accumulator group in a parallel query (over an unlogged table of the groups,
/// which unlike a temporary table parallel workers can read); SQLite, which would sort every figure row to group them,
/// streams the rows to the accumulator instead.
/// </summary>
public sealed class FactStore(AppDbContext db)
{
    private bool Postgres => db.Database.IsNpgsql();
    private string Real => Postgres ? "double precision" : "REAL";

    private const string FactColumns = "\"Year\", \"Quarter\", \"Caliber\", \"RegionId\", \"IndustryCode\", \"IsSynthetic\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"InventionPatents\", \"Enterprises\", "
        + "\"RevenueTier1\", \"RevenueTier2\", \"RevenueTier3\", \"RevenueTier4\", \"RevenueTier5\", \"OutputTier1\", \"OutputTier2\", \"OutputTier3\", \"OutputTier4\", \"OutputTier5\"";

    /// <summary>The seconds each step took, for the stage's summary.</summary>
    public sealed record Timings(double Read, double Figures, double Write, int Enterprises, int Facts);

    /// <summary>
    /// Rebuilds the facts of the regions (null = all) in the years (null = all): every enterprise registered or producing in
    /// one of the regions is read with all its sites, so its primary place is found among all of them.
    /// </summary>
    public async Task<Timings> RefreshAsync(IReadOnlyCollection<int>? regions, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        var regionSet = regions?.ToHashSet();
        FactAccumulator accumulator;
        double read, figures;
        // SQLite: the reads share one snapshot but take no write lock, so users' writes go on until the short write below.
        await using (var transaction = await BeginAsync(connection, deferred: true, ct))
        {
            var inScope = regions is null ? null : CandidateCondition(regions);
            var enterprises = await ReadEnterprisesAsync(connection, transaction, inScope, ct);
            var sites = await ReadSitesAsync(connection, transaction, inScope, ct);
            accumulator = new FactAccumulator(enterprises, sites);
            read = clock.Elapsed.TotalSeconds;
            if (accumulator.EnterpriseCount > 0)
            {
                if (connection is NpgsqlConnection npgsql) await AddGroupedFiguresAsync(npgsql, accumulator, years, ct);
                else AddFigureRows((SqliteConnection)connection, transaction, accumulator, regions is null ? null : enterprises.Select(e => e.Id), years);
            }
            figures = clock.Elapsed.TotalSeconds - read;
            await transaction.CommitAsync(ct);
        }

        var facts = accumulator.Facts(regionSet).Where(f => years is null || years.Contains(f.Year)).ToList();
        await using (var transaction = await BeginAsync(connection, deferred: false, ct))
        {
            await using (var delete = Command(connection, transaction, regions is null ? "DELETE FROM \"AnalyticsFacts\""
                             : $"DELETE FROM \"AnalyticsFacts\" WHERE \"RegionId\" IN ({List(regions)}){(years is null ? "" : $" AND \"Year\" IN ({List(years)})")}"))
                await delete.ExecuteNonQueryAsync(ct);
            if (connection is NpgsqlConnection npgsql) await CopyFactsAsync(npgsql, facts, ct);
            else InsertFacts(connection, transaction, facts);
            await transaction.CommitAsync(ct);
        }
        return new Timings(Math.Round(read, 3), Math.Round(figures, 3), Math.Round(clock.Elapsed.TotalSeconds - read - figures, 3), accumulator.EnterpriseCount, facts.Count);
    }

    private static async Task<DbTransaction> BeginAsync(DbConnection connection, bool deferred, CancellationToken ct) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred) : await connection.BeginTransactionAsync(ct);

    /// <summary>Enterprises registered in the regions or with a production site there.</summary>
    private static string CandidateCondition(IReadOnlyCollection<int> regions) =>
        $"e.\"RegisteredRegionId\" IN ({List(regions)}) OR e.\"Id\" IN (SELECT s.\"EnterpriseId\" FROM \"ProductionSites\" s WHERE s.\"RegionId\" IN ({List(regions)}))";

    private static async Task<List<FactEnterprise>> ReadEnterprisesAsync(DbConnection connection, DbTransaction transaction, string? inScope, CancellationToken ct)
    {
        var list = new List<FactEnterprise>();
        await using var command = Command(connection, transaction,
            $"SELECT e.\"Id\", e.\"RegisteredRegionId\", e.\"IndustryCode\", e.\"IsSynthetic\" FROM \"Enterprises\" e{(inScope is null ? "" : $" WHERE {inScope}")}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(new FactEnterprise(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetBoolean(3)));
        return list;
    }

    private async Task<List<FactSite>> ReadSitesAsync(DbConnection connection, DbTransaction transaction, string? inScope, CancellationToken ct)
    {
        var list = new List<FactSite>();
        await using var command = Command(connection, transaction,
            $"SELECT p.\"EnterpriseId\", p.\"RegionId\", CAST(p.\"Share\" AS {Real}) FROM \"ProductionSites\" p"
            + (inScope is null ? "" : $" WHERE p.\"EnterpriseId\" IN (SELECT e.\"Id\" FROM \"Enterprises\" e WHERE {inScope})"));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(new FactSite(reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2)));
        return list;
    }

    /// <summary>SQLite: every figure row of the enterprises (null = all) in the years, read in table order.</summary>
    private static void AddFigureRows(SqliteConnection connection, DbTransaction transaction, FactAccumulator accumulator, IEnumerable<int>? enterpriseIds, IReadOnlyCollection<int>? years)
    {
        var where = new List<string>();
        if (enterpriseIds is not null) where.Add($"\"EnterpriseId\" IN ({List(enterpriseIds)})");
        if (years is not null) where.Add($"\"Year\" IN ({List(years)})");
        // A full pass reads the table in order: walking the (Year, Quarter) index would fetch every row at random.
        var sql = "SELECT \"EnterpriseId\", \"Year\", \"Quarter\", CAST(\"Revenue\" AS REAL), CAST(\"OutputValue\" AS REAL), CAST(\"RdExpense\" AS REAL), \"InventionPatents\" "
                  + $"FROM \"EnterpriseFigures\"{(enterpriseIds is null ? " NOT INDEXED" : "")}{(where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))}";
        if (SqliteRows.TryRead(connection, sql, (id, year, quarter, revenue, output, rd, patents) => accumulator.AddFigure(id, year, quarter, revenue, output, rd, patents)))
            return;
        using var command = Command(connection, transaction, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            accumulator.AddFigure(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6));
    }

    /// <summary>PostgreSQL: the figures summed per (year, quarter, group) by a parallel query, added to the accumulator.</summary>
    private static async Task AddGroupedFiguresAsync(NpgsqlConnection connection, FactAccumulator accumulator, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        // A per-refresh name: the web app and the CLI may refresh at the same time; the transaction drops it on rollback too.
        var table = $"cw_fact_groups_{Guid.NewGuid():N}";
        await Execute(connection, $"CREATE UNLOGGED TABLE {table} (eid integer NOT NULL, grp integer NOT NULL, share double precision NOT NULL)", ct);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} (eid, grp, share) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (enterpriseId, group, share) in accumulator.EnterpriseGroups)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(enterpriseId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(group, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(share, NpgsqlDbType.Double, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await Execute(connection, $"ANALYZE {table}", ct);

        // The groups of a full refresh hold a few hundred thousand rows: PostgreSQL's default 4 MB would spill them to disk.
        await Execute(connection, "SET LOCAL work_mem = '64MB'", ct);
        var tiers = TierLiterals.Select(t => $"SUM(CASE WHEN f.\"Revenue\" >= {t} THEN 1 ELSE 0 END)")
            .Concat(TierLiterals.Select(t => $"SUM(CASE WHEN f.\"OutputValue\" >= {t} THEN 1 ELSE 0 END)"));
        var sql = $"""
            SELECT f."Year", f."Quarter", g.grp,
                   SUM(f."Revenue"::float8), SUM(f."OutputValue"::float8), SUM(f."RdExpense"::float8), SUM(f."InventionPatents")::float8,
                   SUM(f."Revenue"::float8 * g.share), SUM(f."OutputValue"::float8 * g.share), SUM(f."RdExpense"::float8 * g.share), SUM(f."InventionPatents" * g.share),
                   COUNT(*)::integer, {string.Join(", ", tiers.Select(t => t + "::integer"))}
            FROM "EnterpriseFigures" f JOIN {table} g ON g.eid = f."EnterpriseId"{(years is null ? "" : $" WHERE f.\"Year\" IN ({List(years)})")}
            GROUP BY f."Year", f."Quarter", g.grp
            """;
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var totals = new FactTotals();
            while (await reader.ReadAsync(ct))
            {
                (totals.Revenue, totals.OutputValue, totals.RdExpense, totals.InventionPatents) = (reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
                (totals.SharedRevenue, totals.SharedOutputValue, totals.SharedRdExpense, totals.SharedInventionPatents) = (reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10));
                totals.Rows = reader.GetInt32(11);
                for (var t = 0; t < FactAccumulator.TierCount; t++)
                {
                    totals.RevenueTiers[t] = reader.GetInt32(12 + t);
                    totals.OutputTiers[t] = reader.GetInt32(12 + FactAccumulator.TierCount + t);
                }
                accumulator.AddTotals(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), totals);
            }
        }
        await Execute(connection, $"DROP TABLE {table}", ct);
    }

    /// <summary>The tier thresholds in 万元 as SQL literals.</summary>
    private static IEnumerable<string> TierLiterals =>
        RevenueTier.ThresholdsYi.Select(t => RevenueTier.ThresholdInWan(t).ToString("0.####", CultureInfo.InvariantCulture));

    private static async Task CopyFactsAsync(NpgsqlConnection connection, List<AnalyticsFact> facts, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"AnalyticsFacts\" ({FactColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var f in facts)
        {
            await copy.StartRowAsync(ct);
            foreach (var (value, type) in Values(f)) await copy.WriteAsync(value, type, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static IEnumerable<(object Value, NpgsqlDbType Type)> Values(AnalyticsFact f)
    {
        yield return (f.Year, NpgsqlDbType.Integer);
        yield return (f.Quarter, NpgsqlDbType.Integer);
        yield return ((int)f.Caliber, NpgsqlDbType.Integer);
        yield return (f.RegionId, NpgsqlDbType.Integer);
        yield return (f.IndustryCode, NpgsqlDbType.Varchar);
        yield return (f.IsSynthetic, NpgsqlDbType.Boolean);
        yield return (f.Revenue, NpgsqlDbType.Double);
        yield return (f.OutputValue, NpgsqlDbType.Double);
        yield return (f.RdExpense, NpgsqlDbType.Double);
        yield return (f.InventionPatents, NpgsqlDbType.Double);
        yield return (f.Enterprises, NpgsqlDbType.Integer);
        for (var i = 0; i < FactAccumulator.TierCount; i++) yield return (f.RevenueTier(i), NpgsqlDbType.Integer);
        for (var i = 0; i < FactAccumulator.TierCount; i++) yield return (f.OutputTier(i), NpgsqlDbType.Integer);
    }

    /// <summary>SQLite: one prepared INSERT reused for every row (synchronous: SQLite has no async I/O).</summary>
    private static void InsertFacts(DbConnection connection, DbTransaction transaction, List<AnalyticsFact> facts)
    {
        const int width = 21;
        using var insert = Command(connection, transaction,
            $"INSERT INTO \"AnalyticsFacts\" ({FactColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, width).Select(i => "$p" + i))})");
        for (var i = 0; i < width; i++)
        {
            var p = insert.CreateParameter();
            p.ParameterName = "$p" + i;
            insert.Parameters.Add(p);
        }
        insert.Prepare();
        foreach (var f in facts)
        {
            var i = 0;
            foreach (var (value, _) in Values(f)) insert.Parameters[i++].Value = value is bool b ? (b ? 1 : 0) : value;
            insert.ExecuteNonQuery();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 1800;
        return command;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The plain aggregation any refresh must at least do: one GROUP BY year, quarter, region over figures joined to enterprises.</summary>
    public static string AggregationPass(bool postgres) => $"""
        SELECT COUNT(*) FROM (
            SELECT f."Year", f."Quarter", e."RegisteredRegionId", SUM(CAST(f."Revenue" AS {(postgres ? "double precision" : "REAL")})) AS rev
            FROM "EnterpriseFigures" f{(postgres ? "" : " NOT INDEXED")} JOIN "Enterprises" e ON e."Id" = f."EnterpriseId"
            GROUP BY f."Year", f."Quarter", e."RegisteredRegionId") pass
        """;

    private static string List(IEnumerable<int> ids)
    {
        var sb = new StringBuilder();
        foreach (var id in ids.Distinct().Order())
        {
            if (sb.Length > 0) sb.Append(", ");
            sb.Append(id.ToString(CultureInfo.InvariantCulture));
        }
        return sb.Length == 0 ? "NULL" : sb.ToString();
    }
}
