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
    private const string Groups = "cw_fact_groups";
    private const string SiteGroups = "cw_fact_site_groups";

    private const string FactColumns = "\"Year\", \"Quarter\", \"Caliber\", \"RegionId\", \"IndustryCode\", \"IsSynthetic\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"InventionPatents\", \"Enterprises\", "
        + "\"RevenueTier1\", \"RevenueTier2\", \"RevenueTier3\", \"RevenueTier4\", \"RevenueTier5\", \"OutputTier1\", \"OutputTier2\", \"OutputTier3\", \"OutputTier4\", \"OutputTier5\"";

    /// <summary>The standard tier thresholds in 万元, as SQL literals compared with amounts read as floating point.</summary>
    private static IEnumerable<string> ThresholdLiterals =>
        RevenueTier.ThresholdsYi.Select(t => ((double)RevenueTier.ThresholdInWan(t)).ToString("0.0###", CultureInfo.InvariantCulture));

    public IEnumerable<string> DropTemporaryTables() =>
        [$"DROP TABLE IF EXISTS {Base}", $"DROP TABLE IF EXISTS {SiteGroups}", $"DROP TABLE IF EXISTS {Sites}", $"DROP TABLE IF EXISTS {Groups}", $"DROP TABLE IF EXISTS {Enterprises}"];

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
        // The refresh's GROUP BYs hold a few hundred thousand groups: PostgreSQL's default 4 MB would spill them to disk.
        if (postgres) yield return "SET LOCAL work_mem = '64MB'";
        // Each enterprise gets the number of its (registered, primary region, sub-industry, synthetic) group, so the pass over
        // the figures groups by three integers like the plain aggregation does (a wide text key makes PostgreSQL plan millions of groups).
        yield return $"CREATE TEMP TABLE {Enterprises} (id integer PRIMARY KEY, reg integer NOT NULL, prim integer NOT NULL, ind varchar(32) NOT NULL, syn {BoolType} NOT NULL, grp integer NOT NULL)";
        // The primary production region: the largest share, ties to the lowest region id, without sites the registered region.
        yield return $"""
            INSERT INTO {Enterprises} (id, reg, prim, ind, syn, grp)
            SELECT id, reg, prim, ind, syn, DENSE_RANK() OVER (ORDER BY reg, prim, ind, syn) FROM (
                SELECT e."Id" AS id, e."RegisteredRegionId" AS reg, COALESCE(p.rid, e."RegisteredRegionId") AS prim, e."IndustryCode" AS ind, e."IsSynthetic" AS syn
                FROM "Enterprises" e
                LEFT JOIN (SELECT eid, rid FROM (
                    SELECT s."EnterpriseId" AS eid, s."RegionId" AS rid,
                           ROW_NUMBER() OVER (PARTITION BY s."EnterpriseId" ORDER BY CAST(s."Share" AS {Real}) DESC, s."RegionId") AS rn
                    FROM "ProductionSites" s{(candidates is null ? "" : $" WHERE s.\"EnterpriseId\" IN ({candidates})")}) ranked WHERE rn = 1) p ON p.eid = e."Id"
                {(candidates is null ? "" : $"WHERE e.\"Id\" IN ({candidates})")}) x
            """;
        yield return $"CREATE TEMP TABLE {Groups} AS SELECT DISTINCT grp, reg, prim, ind, syn FROM {Enterprises}";
        yield return $"CREATE INDEX {Groups}_grp ON {Groups} (grp)";
        yield return $"CREATE TEMP TABLE {Sites} (eid integer NOT NULL, share {Real} NOT NULL, sgrp integer NOT NULL, rid integer NOT NULL, ind varchar(32) NOT NULL, syn {BoolType} NOT NULL)";
        // An enterprise without recorded sites produces where it is registered.
        yield return $"""
            INSERT INTO {Sites} (eid, share, sgrp, rid, ind, syn)
            SELECT eid, share, DENSE_RANK() OVER (ORDER BY rid, ind, syn), rid, ind, syn FROM (
                SELECT s."EnterpriseId" AS eid, CAST(s."Share" AS {Real}) AS share, s."RegionId" AS rid, e.ind, e.syn
                FROM "ProductionSites" s JOIN {Enterprises} e ON e.id = s."EnterpriseId"
                {(inRegions is null ? "" : $"WHERE s.\"RegionId\" IN ({inRegions})")}
                UNION ALL
                SELECT e.id, 1.0, e.reg, e.ind, e.syn FROM {Enterprises} e WHERE NOT EXISTS (SELECT 1 FROM "ProductionSites" s WHERE s."EnterpriseId" = e.id)
                {(inRegions is null ? "" : $"AND e.reg IN ({inRegions})")}) x
            """;
        yield return $"CREATE INDEX {Sites}_eid ON {Sites} (eid)";
        yield return $"CREATE TEMP TABLE {SiteGroups} AS SELECT DISTINCT sgrp, rid, ind, syn FROM {Sites}";
        yield return $"CREATE INDEX {SiteGroups}_sgrp ON {SiteGroups} (sgrp)";
        // Temporary tables get no statistics by themselves: without them PostgreSQL may plan nested loops over thousands of rows.
        if (postgres) foreach (var table in new[] { Enterprises, Groups, Sites, SiteGroups }) yield return $"ANALYZE {table}";

        var revenue = $"CAST(f.\"Revenue\" AS {Real})";
        var output = $"CAST(f.\"OutputValue\" AS {Real})";
        var tiers = ThresholdLiterals.Select((t, i) => $"SUM(CASE WHEN {revenue} >= {t} THEN 1 ELSE 0 END) AS r{i + 1}")
            .Concat(ThresholdLiterals.Select((t, i) => $"SUM(CASE WHEN {output} >= {t} THEN 1 ELSE 0 END) AS o{i + 1}"));
        yield return $"""
            CREATE TEMP TABLE {Base} AS
            SELECT f."Year" AS y, f."Quarter" AS q, e.grp,
                   SUM({revenue}) AS rev, SUM({output}) AS outv, SUM(CAST(f."RdExpense" AS {Real})) AS rd, SUM(f."InventionPatents") AS pat, COUNT(*) AS n,
                   {string.Join(", ", tiers)}
            FROM {figuresJoin}{yearFilter}
            GROUP BY f."Year", f."Quarter", e.grp
            """;
        if (postgres) yield return $"ANALYZE {Base}";

        yield return inRegions is null ? "DELETE FROM \"AnalyticsFacts\""
            : $"DELETE FROM \"AnalyticsFacts\" WHERE \"RegionId\" IN ({inRegions}){(years is null ? "" : $" AND \"Year\" IN ({List(years)})")}";

        var tierSums = string.Join(", ", Enumerable.Range(1, 5).Select(i => $"SUM(b.r{i})").Concat(Enumerable.Range(1, 5).Select(i => $"SUM(b.o{i})")));
        var zeroTiers = string.Join(", ", Enumerable.Repeat("0", 10));
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT b.y, b.q, {(int)FactCaliber.Registration}, g.reg, g.ind, g.syn, SUM(b.rev), SUM(b.outv), SUM(b.rd), SUM(b.pat), SUM(b.n), {tierSums}
            FROM {Base} b JOIN {Groups} g ON g.grp = b.grp{(inRegions is null ? "" : $" WHERE g.reg IN ({inRegions})")}
            GROUP BY b.y, b.q, g.reg, g.ind, g.syn
            """;
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT b.y, b.q, {(int)FactCaliber.PrimaryProductionPlace}, g.prim, g.ind, g.syn, 0, 0, 0, 0, SUM(b.n), {tierSums}
            FROM {Base} b JOIN {Groups} g ON g.grp = b.grp{(inRegions is null ? "" : $" WHERE g.prim IN ({inRegions})")}
            GROUP BY b.y, b.q, g.prim, g.ind, g.syn
            """;
        var sitesJoin = inRegions is null
            ? $"\"EnterpriseFigures\" f{FullScan} CROSS JOIN {Sites} s WHERE s.eid = f.\"EnterpriseId\""
            : $"{Sites} s CROSS JOIN \"EnterpriseFigures\" f WHERE f.\"EnterpriseId\" = s.eid";
        yield return $"""
            INSERT INTO "AnalyticsFacts" ({FactColumns})
            SELECT b.y, b.q, {(int)FactCaliber.ProductionSplit}, g.rid, g.ind, g.syn, b.rev, b.outv, b.rd, b.pat, b.n, {zeroTiers}
            FROM (SELECT f."Year" AS y, f."Quarter" AS q, s.sgrp,
                         SUM({revenue} * s.share) AS rev, SUM({output} * s.share) AS outv, SUM(CAST(f."RdExpense" AS {Real}) * s.share) AS rd,
                         SUM(f."InventionPatents" * s.share) AS pat, COUNT(*) AS n
                  FROM {sitesJoin}{yearFilter}
                  GROUP BY f."Year", f."Quarter", s.sgrp) b
            JOIN {SiteGroups} g ON g.sgrp = b.sgrp
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
