using System.Globalization;
using System.Text;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>
/// The SQL statements that rebuild AnalyticsFacts inside the database (no figure row goes through the app). Both providers
/// run the same text except for the floating-point type and the boolean columns of the temporary tables.
/// One pass over the figures fills a temporary table grouped by registered and primary region (sums and tier counts),
/// from which the registration and primary-production-place facts are regrouped; one more pass splits sums over the sites.
/// </summary>
public sealed class FactSql(bool postgres)
{
    private string Real => postgres ? "double precision" : "REAL";
    private string BoolType => postgres ? "boolean" : "INTEGER";

    /// <summary>SQLite would walk the (Year, Quarter) index and fetch every figure row at random; reading the table in order is faster.</summary>
    private string FullScan => postgres ? "" : " NOT INDEXED";

    private const string Enterprises = "cw_fact_enterprises";
    private const string Sites = "cw_fact_sites";
    private const string Base = "cw_fact_base";

    private const string FactColumns = "\"Year\", \"Quarter\", \"Caliber\", \"RegionId\", \"IndustryCode\", \"IsSynthetic\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"InventionPatents\", \"Enterprises\", "
        + "\"RevenueTier1\", \"RevenueTier2\", \"RevenueTier3\", \"RevenueTier4\", \"RevenueTier5\", \"OutputTier1\", \"OutputTier2\", \"OutputTier3\", \"OutputTier4\", \"OutputTier5\"";

    /// <summary>The standard tier thresholds in 万元, as SQL literals compared with amounts read as floating point.</summary>
    private static IEnumerable<string> ThresholdLiterals =>
        RevenueTier.ThresholdsYi.Select(t => ((double)RevenueTier.ThresholdInWan(t)).ToString("0.0###", CultureInfo.InvariantCulture));

    public IEnumerable<string> DropTemporaryTables() =>
        [$"DROP TABLE IF EXISTS {Base}", $"DROP TABLE IF EXISTS {Sites}", $"DROP TABLE IF EXISTS {Enterprises}"];

    /// <summary>
    /// The statements of one refresh: temporary tables, DELETE of the facts in scope, INSERT … SELECT … GROUP BY per caliber.
    /// regions null = every region; years null = every year.
    /// </summary>
    public IEnumerable<string> Refresh(IReadOnlyCollection<int>? regions, IReadOnlyCollection<int>? years)
    {
        var inRegions = regions is null ? null : List(regions);
        var candidates = inRegions is null ? null
            : $"SELECT \"Id\" FROM \"Enterprises\" WHERE \"RegisteredRegionId\" IN ({inRegions}) UNION SELECT \"EnterpriseId\" FROM \"ProductionSites\" WHERE \"RegionId\" IN ({inRegions})";
        var yearFilter = years is null ? "" : $" AND f.\"Year\" IN ({List(years)})";
        // SQLite takes CROSS JOIN order literally: the smaller side goes first (all figures for a full refresh, the few enterprises in scope otherwise).
        var figuresJoin = inRegions is null
            ? $"\"EnterpriseFigures\" f{FullScan} CROSS JOIN {Enterprises} e WHERE e.id = f.\"EnterpriseId\""
            : $"{Enterprises} e CROSS JOIN \"EnterpriseFigures\" f WHERE e.id = f.\"EnterpriseId\"";

        foreach (var drop in DropTemporaryTables()) yield return drop;
        yield return $"CREATE TEMP TABLE {Enterprises} (id integer PRIMARY KEY, reg integer NOT NULL, prim integer NOT NULL, ind varchar(32) NOT NULL, syn {BoolType} NOT NULL)";
        // The primary production region: the largest share, ties to the lowest region id, without sites the registered region.
        yield return $"""
            INSERT INTO {Enterprises} (id, reg, prim, ind, syn)
            SELECT e."Id", e."RegisteredRegionId", COALESCE(p.rid, e."RegisteredRegionId"), e."IndustryCode", e."IsSynthetic"
            FROM "Enterprises" e
            LEFT JOIN (SELECT eid, rid FROM (
                SELECT s."EnterpriseId" AS eid, s."RegionId" AS rid,
                       ROW_NUMBER() OVER (PARTITION BY s."EnterpriseId" ORDER BY CAST(s."Share" AS {Real}) DESC, s."RegionId") AS rn
                FROM "ProductionSites" s{(candidates is null ? "" : $" WHERE s.\"EnterpriseId\" IN ({candidates})")}) ranked WHERE rn = 1) p ON p.eid = e."Id"
            {(candidates is null ? "" : $"WHERE e.\"Id\" IN ({candidates})")}
            """;
        yield return $"CREATE TEMP TABLE {Sites} (eid integer NOT NULL, rid integer NOT NULL, share {Real} NOT NULL)";
        // An enterprise without recorded sites produces where it is registered.
        yield return $"""
            INSERT INTO {Sites} (eid, rid, share)
            SELECT s."EnterpriseId", s."RegionId", CAST(s."Share" AS {Real}) FROM "ProductionSites" s JOIN {Enterprises} e ON e.id = s."EnterpriseId"
            {(inRegions is null ? "" : $"WHERE s.\"RegionId\" IN ({inRegions})")}
            UNION ALL
            SELECT e.id, e.reg, 1.0 FROM {Enterprises} e WHERE NOT EXISTS (SELECT 1 FROM "ProductionSites" s WHERE s."EnterpriseId" = e.id)
            {(inRegions is null ? "" : $"AND e.reg IN ({inRegions})")}
            """;
        yield return $"CREATE INDEX {Sites}_eid ON {Sites} (eid)";
        if (postgres) { yield return $"ANALYZE {Enterprises}"; yield return $"ANALYZE {Sites}"; }

        var revenue = $"CAST(f.\"Revenue\" AS {Real})";
        var output = $"CAST(f.\"OutputValue\" AS {Real})";
        var tiers = ThresholdLiterals.Select((t, i) => $"SUM(CASE WHEN {revenue} >= {t} THEN 1 ELSE 0 END) AS r{i + 1}")
            .Concat(ThresholdLiterals.Select((t, i) => $"SUM(CASE WHEN {output} >= {t} THEN 1 ELSE 0 END) AS o{i + 1}"));
        yield return $"""
            CREATE TEMP TABLE {Base} AS
            SELECT f."Year" AS y, f."Quarter" AS q, e.reg, e.prim, e.ind, e.syn,
                   SUM({revenue}) AS rev, SUM({output}) AS outv, SUM(CAST(f."RdExpense" AS {Real})) AS rd, SUM(f."InventionPatents") AS pat, COUNT(*) AS n,
                   {string.Join(", ", tiers)}
            FROM {figuresJoin}{yearFilter}
            GROUP BY f."Year", f."Quarter", e.reg, e.prim, e.ind, e.syn
            """;

        yield return inRegions is null ? "DELETE FROM \"AnalyticsFacts\""
            : $"DELETE FROM \"AnalyticsFacts\" WHERE \"RegionId\" IN ({inRegions}){(years is null ? "" : $" AND \"Year\" IN ({List(years)})")}";

        var tierSums = string.Join(", ", Enumerable.Range(1, 5).Select(i => $"SUM(r{i})").Concat(Enumerable.Range(1, 5).Select(i => $"SUM(o{i})")));
        var zeroTiers = string.Join(", ", Enumerable.Repeat("0", 10));
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT y, q, {(int)FactCaliber.Registration}, reg, ind, syn, SUM(rev), SUM(outv), SUM(rd), SUM(pat), SUM(n), {tierSums}
            FROM {Base}{(inRegions is null ? "" : $" WHERE reg IN ({inRegions})")}
            GROUP BY y, q, reg, ind, syn
            """;
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT y, q, {(int)FactCaliber.PrimaryProductionPlace}, prim, ind, syn, 0, 0, 0, 0, SUM(n), {tierSums}
            FROM {Base}{(inRegions is null ? "" : $" WHERE prim IN ({inRegions})")}
            GROUP BY y, q, prim, ind, syn
            """;
        var sitesJoin = inRegions is null
            ? $"\"EnterpriseFigures\" f{FullScan} CROSS JOIN {Enterprises} e CROSS JOIN {Sites} s WHERE e.id = f.\"EnterpriseId\" AND s.eid = f.\"EnterpriseId\""
            : $"{Sites} s CROSS JOIN {Enterprises} e CROSS JOIN \"EnterpriseFigures\" f WHERE e.id = s.eid AND f.\"EnterpriseId\" = s.eid";
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT f."Year", f."Quarter", {(int)FactCaliber.ProductionSplit}, s.rid, e.ind, e.syn,
                   SUM({revenue} * s.share), SUM({output} * s.share), SUM(CAST(f."RdExpense" AS {Real}) * s.share), SUM(f."InventionPatents" * s.share), COUNT(*), {zeroTiers}
            FROM {sitesJoin}{yearFilter}
            GROUP BY f."Year", f."Quarter", s.rid, e.ind, e.syn
            """;
        foreach (var drop in DropTemporaryTables()) yield return drop;
    }

    /// <summary>The plain aggregation any refresh must at least do: one GROUP BY year, quarter, region over figures joined to enterprises.</summary>
    public string AggregationPass() => $"""
        SELECT COUNT(*) FROM (
            SELECT f."Year", f."Quarter", e."RegisteredRegionId", SUM(CAST(f."Revenue" AS {Real})) AS rev
            FROM "EnterpriseFigures" f{FullScan} JOIN "Enterprises" e ON e."Id" = f."EnterpriseId"
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
