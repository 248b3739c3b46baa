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
    /// <summary>SQLite: read the figures through SQLite's C functions when the process's SQLite allows it (false: always through ADO.NET).</summary>
    public bool NativeSqliteReads { get; init; } = true;

    private string Real => db.Database.IsNpgsql() ? "double precision" : "REAL";

    private const string FactColumns = "\"Year\", \"Quarter\", \"Caliber\", \"RegionId\", \"IndustryCode\", \"IsSynthetic\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"InventionPatents\", \"Enterprises\", "
        + "\"RevenueTier1\", \"RevenueTier2\", \"RevenueTier3\", \"RevenueTier4\", \"RevenueTier5\", \"OutputTier1\", \"OutputTier2\", \"OutputTier3\", \"OutputTier4\", \"OutputTier5\"";

    /// <summary>The seconds each step took and what it touched, for the stage's summary.</summary>
    public sealed record Timings(double Read, double Figures, double Write, int Enterprises, int Facts, int Written);

    private readonly record struct FactKey(int Year, int Quarter, FactCaliber Caliber, int RegionId, string IndustryCode, bool IsSynthetic)
    {
        public static FactKey Of(AnalyticsFact f) => new(f.Year, f.Quarter, f.Caliber, f.RegionId, f.IndustryCode, f.IsSynthetic);
    }

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
                else AddFigureRows((SqliteConnection)connection, transaction, accumulator, regions is null ? null : enterprises.Select(e => e.Id), years, NativeSqliteReads);
            }
            figures = clock.Elapsed.TotalSeconds - read;
            await transaction.CommitAsync(ct);
        }

        var facts = accumulator.Facts(regionSet).Where(f => years is null || years.Contains(f.Year)).ToList();
        // Only the (region, year) pairs whose facts differ from the stored ones are replaced: a full refresh usually changes
        // nothing, and rewriting a quarter of a million rows would cost more than computing them.
        var conditions = new List<string>();
        if (regions is not null) conditions.Add($"\"RegionId\" IN ({List(regions)})");
        if (years is not null) conditions.Add($"\"Year\" IN ({List(years)})");
        var scopeFilter = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var stored = await ReadFactsAsync(connection, scopeFilter, ct);
        var changedPairs = ChangedRegionYears(stored, facts);
        var replaceAll = stored.Count == 0 || changedPairs.Count > 0 && facts.Count(f => changedPairs.Contains((f.RegionId, f.Year))) > facts.Count / 2;
        var written = 0;
        if (replaceAll || changedPairs.Count > 0)
            await using (var transaction = await BeginAsync(connection, deferred: false, ct))
            {
                if (replaceAll)
                {
                    await using var delete = Command(connection, transaction, "DELETE FROM \"AnalyticsFacts\"" + scopeFilter);
                    await delete.ExecuteNonQueryAsync(ct);
                }
                else
                    foreach (var region in changedPairs.GroupBy(p => p.RegionId))
                    {
                        await using var delete = Command(connection, transaction,
                            $"DELETE FROM \"AnalyticsFacts\" WHERE \"RegionId\" = {region.Key} AND \"Year\" IN ({List(region.Select(p => p.Year))})");
                        await delete.ExecuteNonQueryAsync(ct);
                    }
                var toWrite = replaceAll ? facts : facts.Where(f => changedPairs.Contains((f.RegionId, f.Year))).ToList();
                if (connection is NpgsqlConnection npgsql) await CopyFactsAsync(npgsql, toWrite, ct);
                else InsertFacts(connection, transaction, toWrite);
                written = toWrite.Count;
                await transaction.CommitAsync(ct);
            }
        return new Timings(Math.Round(read, 3), Math.Round(figures, 3), Math.Round(clock.Elapsed.TotalSeconds - read - figures, 3), accumulator.EnterpriseCount, facts.Count, written);
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
    private static void AddFigureRows(SqliteConnection connection, DbTransaction transaction, FactAccumulator accumulator, IEnumerable<int>? enterpriseIds,
        IReadOnlyCollection<int>? years, bool native)
    {
        var where = new List<string>();
        if (enterpriseIds is not null) where.Add($"\"EnterpriseId\" IN ({List(enterpriseIds)})");
        if (years is not null) where.Add($"\"Year\" IN ({List(years)})");
        // A full pass reads the table in order: walking the (Year, Quarter) index would fetch every row at random.
        var sql = "SELECT \"EnterpriseId\", \"Year\", \"Quarter\", CAST(\"Revenue\" AS REAL), CAST(\"OutputValue\" AS REAL), CAST(\"RdExpense\" AS REAL), \"InventionPatents\" "
                  + $"FROM \"EnterpriseFigures\"{(enterpriseIds is null ? " NOT INDEXED" : "")}{(where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))}";
        if (native && SqliteRows.TryRead(connection, sql, (id, year, quarter, revenue, output, rd, patents) => accumulator.AddFigure(id, year, quarter, revenue, output, rd, patents)))
            return;
        using var command = Command(connection, transaction, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            accumulator.AddFigure(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6));
    }

    /// <summary>
    /// PostgreSQL: the figures summed per (year, quarter, group) by a parallel query, and the few rows at or above the smallest
    /// tier counted per tier level by a second one, added to the accumulator. Few aggregates per row keep the hash table small.
    /// </summary>
    private static async Task AddGroupedFiguresAsync(NpgsqlConnection connection, FactAccumulator accumulator, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var (rows, groups) = accumulator.WeightedGroups();
        // A per-refresh name: the web app and the CLI may refresh at the same time; the transaction drops it on rollback too.
        var table = $"cw_fact_groups_{Guid.NewGuid():N}";
        await Execute(connection, $"CREATE UNLOGGED TABLE {table} (eid integer NOT NULL, grp integer NOT NULL, weight double precision NOT NULL, tiers boolean NOT NULL)", ct);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} (eid, grp, weight, tiers) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (enterpriseId, group, weight, countsTiers) in rows)
            {
                copy.StartRow();
                copy.Write(enterpriseId, NpgsqlDbType.Integer);
                copy.Write(group, NpgsqlDbType.Integer);
                copy.Write(weight, NpgsqlDbType.Double);
                copy.Write(countsTiers, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync(ct);
        }
        await Execute(connection, $"ANALYZE {table}", ct);
        // The groups of a full refresh hold a few hundred thousand rows: PostgreSQL's default 4 MB would spill them to disk.
        await Execute(connection, "SET LOCAL work_mem = '64MB'", ct);
        var yearFilter = years is null ? "" : $" AND f.\"Year\" IN ({List(years)})";
        var sums = $"""
            SELECT f."Year", f."Quarter", g.grp, SUM(f."Revenue"::float8 * g.weight), SUM(f."OutputValue"::float8 * g.weight),
                   SUM(f."RdExpense"::float8 * g.weight), SUM(f."InventionPatents" * g.weight), COUNT(*)::integer
            FROM "EnterpriseFigures" f JOIN {table} g ON g.eid = f."EnterpriseId" WHERE TRUE{yearFilter}
            GROUP BY f."Year", f."Quarter", g.grp
            """;
        await using (var command = new NpgsqlCommand(sums, connection) { CommandTimeout = 1800 })
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                accumulator.AddSums(reader.GetInt32(0), reader.GetInt32(1), groups[reader.GetInt32(2)],
                    reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetInt32(7));
        var thresholds = TierLiterals.ToList();
        string Level(string column) => "CASE " + string.Join(" ", thresholds.Select((t, i) => (t, i)).Reverse().Select(x => $"WHEN f.\"{column}\" >= {x.t} THEN {x.i + 1}")) + " ELSE 0 END";
        var tiers = $"""
            SELECT f."Year", f."Quarter", g.grp, {Level("Revenue")}, {Level("OutputValue")}, COUNT(*)::integer
            FROM "EnterpriseFigures" f JOIN {table} g ON g.eid = f."EnterpriseId"
            WHERE g.tiers AND (f."Revenue" >= {thresholds[0]} OR f."OutputValue" >= {thresholds[0]}){yearFilter}
            GROUP BY 1, 2, 3, 4, 5
            """;
        await using (var command = new NpgsqlCommand(tiers, connection) { CommandTimeout = 1800 })
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                accumulator.AddTierCount(reader.GetInt32(0), reader.GetInt32(1), groups[reader.GetInt32(2)], reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
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
            copy.StartRow();
            copy.Write(f.Year, NpgsqlDbType.Integer);
            copy.Write(f.Quarter, NpgsqlDbType.Integer);
            copy.Write((int)f.Caliber, NpgsqlDbType.Integer);
            copy.Write(f.RegionId, NpgsqlDbType.Integer);
            copy.Write(f.IndustryCode, NpgsqlDbType.Varchar);
            copy.Write(f.IsSynthetic, NpgsqlDbType.Boolean);
            copy.Write(f.Revenue, NpgsqlDbType.Double);
            copy.Write(f.OutputValue, NpgsqlDbType.Double);
            copy.Write(f.RdExpense, NpgsqlDbType.Double);
            copy.Write(f.InventionPatents, NpgsqlDbType.Double);
            copy.Write(f.Enterprises, NpgsqlDbType.Integer);
            for (var i = 0; i < FactAccumulator.TierCount; i++) copy.Write(f.RevenueTier(i), NpgsqlDbType.Integer);
            for (var i = 0; i < FactAccumulator.TierCount; i++) copy.Write(f.OutputTier(i), NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync(ct);
    }

    private static IEnumerable<object> Values(AnalyticsFact f)
    {
        yield return f.Year;
        yield return f.Quarter;
        yield return (int)f.Caliber;
        yield return f.RegionId;
        yield return f.IndustryCode;
        yield return f.IsSynthetic ? 1 : 0;
        yield return f.Revenue;
        yield return f.OutputValue;
        yield return f.RdExpense;
        yield return f.InventionPatents;
        yield return f.Enterprises;
        for (var i = 0; i < FactAccumulator.TierCount; i++) yield return f.RevenueTier(i);
        for (var i = 0; i < FactAccumulator.TierCount; i++) yield return f.OutputTier(i);
    }

    private static async Task<Dictionary<FactKey, AnalyticsFact>> ReadFactsAsync(DbConnection connection, string scopeFilter, CancellationToken ct)
    {
        var stored = new Dictionary<FactKey, AnalyticsFact>();
        await using var command = Command(connection, null, $"SELECT {FactColumns} FROM \"AnalyticsFacts\"{scopeFilter}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var f = new AnalyticsFact
            {
                Year = reader.GetInt32(0), Quarter = reader.GetInt32(1), Caliber = (FactCaliber)reader.GetInt32(2), RegionId = reader.GetInt32(3),
                IndustryCode = reader.GetString(4), IsSynthetic = reader.GetBoolean(5), Revenue = reader.GetDouble(6), OutputValue = reader.GetDouble(7),
                RdExpense = reader.GetDouble(8), InventionPatents = reader.GetDouble(9), Enterprises = reader.GetInt32(10),
                RevenueTier1 = reader.GetInt32(11), RevenueTier2 = reader.GetInt32(12), RevenueTier3 = reader.GetInt32(13), RevenueTier4 = reader.GetInt32(14), RevenueTier5 = reader.GetInt32(15),
                OutputTier1 = reader.GetInt32(16), OutputTier2 = reader.GetInt32(17), OutputTier3 = reader.GetInt32(18), OutputTier4 = reader.GetInt32(19), OutputTier5 = reader.GetInt32(20),
            };
            stored[FactKey.Of(f)] = f;
        }
        return stored;
    }

    /// <summary>The (region, year) pairs where a fact was added, removed or changed (sums compared to 1e-9 relative: the order of additions varies).</summary>
    private static HashSet<(int RegionId, int Year)> ChangedRegionYears(Dictionary<FactKey, AnalyticsFact> stored, List<AnalyticsFact> facts)
    {
        var changed = new HashSet<(int, int)>();
        var matched = new HashSet<FactKey>();
        foreach (var f in facts)
        {
            var key = FactKey.Of(f);
            if (stored.TryGetValue(key, out var old) && Same(old, f)) { matched.Add(key); continue; }
            changed.Add((f.RegionId, f.Year));
        }
        foreach (var key in stored.Keys) if (!matched.Contains(key)) changed.Add((key.RegionId, key.Year));
        return changed;
    }

    private static bool Same(AnalyticsFact a, AnalyticsFact b)
    {
        static bool Close(double x, double y) => x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
        if (a.Enterprises != b.Enterprises || !Close(a.Revenue, b.Revenue) || !Close(a.OutputValue, b.OutputValue)
            || !Close(a.RdExpense, b.RdExpense) || !Close(a.InventionPatents, b.InventionPatents)) return false;
        for (var i = 0; i < FactAccumulator.TierCount; i++)
            if (a.RevenueTier(i) != b.RevenueTier(i) || a.OutputTier(i) != b.OutputTier(i)) return false;
        return true;
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
            foreach (var value in Values(f)) insert.Parameters[i++].Value = value;
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

    /// <summary>
    /// The plain aggregation any refresh of these analytics must at least do: one GROUP BY over the figures joined to their
    /// enterprises at the facts' grain (year, quarter, registered region, sub-industry, synthetic) with the four sums and the
    /// count the dashboard shows. The outer sums make the database compute every column.
    /// </summary>
    public static string AggregationPass(bool postgres)
    {
        var real = postgres ? "double precision" : "REAL";
        return $"""
            SELECT SUM(rev), SUM(outv), SUM(rd), SUM(pat), SUM(n) FROM (
                SELECT f."Year", f."Quarter", e."RegisteredRegionId", e."IndustryCode", e."IsSynthetic",
                       SUM(CAST(f."Revenue" AS {real})) AS rev, SUM(CAST(f."OutputValue" AS {real})) AS outv, SUM(CAST(f."RdExpense" AS {real})) AS rd,
                       SUM(f."InventionPatents") AS pat, COUNT(*) AS n
                FROM "EnterpriseFigures" f{(postgres ? "" : " NOT INDEXED")} JOIN "Enterprises" e ON e."Id" = f."EnterpriseId"
                GROUP BY f."Year", f."Quarter", e."RegisteredRegionId", e."IndustryCode", e."IsSynthetic") pass
            """;
    }

    /// <summary>The narrower pass of earlier benchmarks: revenue alone by year, quarter and registered region.</summary>
    public static string NarrowAggregationPass(bool postgres) => $"""
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
