using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Analytics;

/// <summary>The one-pass fact builder: calibers, sites, primary place and tiers against hand-computed numbers, and the database path against the row path.</summary>
public class FactAccumulatorTests
{
    // Regions 1 and 2, sub-industry X. Enterprise 10: registered in 1, sites 1 (60%) and 2 (40%). Enterprise 11: registered in 1,
    // no sites. Enterprise 12: registered in 1, one site in 2 with the whole output. Enterprise 13: registered in 2, two sites of
    // 50% in 1 and 2 (tie: the lower region id is the primary place).
    private static readonly FactEnterprise[] Enterprises =
    [
        new(10, 1, "X", true), new(11, 1, "X", true), new(12, 1, "X", true), new(13, 2, "X", true),
    ];

    private static readonly FactSite[] Sites =
    [
        new(10, 1, 0.6), new(10, 2, 0.4), new(12, 2, 1.0), new(13, 2, 0.5), new(13, 1, 0.5),
    ];

    // 2024 revenue in 万元: 10 → 20,000 (2 亿, tier 1), 11 → 500, 12 → 150,000 (15 亿, tiers 1–2), 13 → 1,000.
    private static readonly (int Id, double Revenue, double Output, double Rd, double Patents)[] Figures =
    [
        (10, 20_000, 10_000, 100, 5), (11, 500, 400, 10, 1), (12, 150_000, 5_000, 1_000, 10), (13, 1_000, 1_000, 50, 2),
    ];

    private static FactAccumulator FromRows()
    {
        var accumulator = new FactAccumulator(Enterprises, Sites);
        foreach (var (id, revenue, output, rd, patents) in Figures) accumulator.AddFigure(id, 2024, 0, revenue, output, rd, patents);
        return accumulator;
    }

    private static AnalyticsFact Fact(IEnumerable<AnalyticsFact> facts, FactCaliber caliber, int region) =>
        facts.Single(f => f.Caliber == caliber && f.RegionId == region && f.Year == 2024 && f.Quarter == 0);

    [Fact]
    public void Registration_facts_sum_whole_enterprises_where_they_are_registered_with_their_tier_counts()
    {
        var facts = FromRows().Facts(null).ToList();

        var region1 = Fact(facts, FactCaliber.Registration, 1);
        Assert.Equal(20_000 + 500 + 150_000, region1.Revenue);
        Assert.Equal(3, region1.Enterprises);
        Assert.Equal((2, 1, 0), (region1.RevenueTier1, region1.RevenueTier2, region1.RevenueTier3));
        Assert.Equal((1, 0), (region1.OutputTier1, region1.OutputTier2));
        var region2 = Fact(facts, FactCaliber.Registration, 2);
        Assert.Equal((1_000d, 1, 0), (region2.Revenue, region2.Enterprises, region2.RevenueTier1));
    }

    [Fact]
    public void Production_split_facts_share_each_enterprise_over_its_sites_and_put_one_without_sites_where_it_is_registered()
    {
        var facts = FromRows().Facts(null).ToList();

        // Region 1: 60% of 10, all of 11 (no sites), 50% of 13. Region 2: 40% of 10, all of 12, 50% of 13.
        var region1 = Fact(facts, FactCaliber.ProductionSplit, 1);
        Assert.Equal(0.6 * 20_000 + 500 + 0.5 * 1_000, region1.Revenue, 6);
        Assert.Equal(0.6 * 5 + 1 + 0.5 * 2, region1.InventionPatents, 6);
        Assert.Equal(3, region1.Enterprises);
        Assert.Equal(0, region1.RevenueTier1);
        var region2 = Fact(facts, FactCaliber.ProductionSplit, 2);
        Assert.Equal(0.4 * 20_000 + 150_000 + 0.5 * 1_000, region2.Revenue, 6);
        Assert.Equal(3, region2.Enterprises);
    }

    [Fact]
    public void Primary_place_facts_count_each_enterprise_once_at_its_largest_share_with_ties_to_the_lower_region_id()
    {
        var facts = FromRows().Facts(null).ToList();

        // Region 1: 10 (60%), 11 (registered, no sites), 13 (50/50 tie → region 1). Region 2: 12.
        var region1 = Fact(facts, FactCaliber.PrimaryProductionPlace, 1);
        Assert.Equal((3, 1, 0), (region1.Enterprises, region1.RevenueTier1, region1.RevenueTier2));
        Assert.Equal(0, region1.Revenue);
        var region2 = Fact(facts, FactCaliber.PrimaryProductionPlace, 2);
        Assert.Equal((1, 1, 1), (region2.Enterprises, region2.RevenueTier1, region2.RevenueTier2));
    }

    [Fact]
    public void Facts_are_limited_to_the_regions_asked_for()
    {
        var facts = FromRows().Facts(new HashSet<int> { 2 }).ToList();

        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Equal(2, f.RegionId));
    }

    [Fact]
    public void Summing_the_weighted_groups_as_a_database_would_gives_the_same_facts_as_adding_rows()
    {
        var byRows = FromRows().Facts(null).ToList();
        var accumulator = new FactAccumulator(Enterprises, Sites);
        var (rows, groups) = accumulator.WeightedGroups();
        var figures = Figures.ToDictionary(f => f.Id);
        // What the PostgreSQL queries compute: weighted sums and counts per group, and counts per group and tier level.
        foreach (var group in rows.GroupBy(r => r.Group))
        {
            var members = group.Select(r => (Figure: figures[r.EnterpriseId], r.Weight, r.CountsTiers)).ToList();
            accumulator.AddSums(2024, 0, groups[group.Key], members.Sum(m => m.Figure.Revenue * m.Weight), members.Sum(m => m.Figure.Output * m.Weight),
                members.Sum(m => m.Figure.Rd * m.Weight), members.Sum(m => m.Figure.Patents * m.Weight), members.Count);
            foreach (var level in members.Where(m => m.CountsTiers)
                         .GroupBy(m => (FactAccumulator.TierLevel(m.Figure.Revenue), FactAccumulator.TierLevel(m.Figure.Output))))
                accumulator.AddTierCount(2024, 0, groups[group.Key], level.Key.Item1, level.Key.Item2, level.Count());
        }
        var byGroups = accumulator.Facts(null).ToList();

        Assert.Equal(byRows.Count, byGroups.Count);
        foreach (var expected in byRows)
        {
            var actual = Fact(byGroups, expected.Caliber, expected.RegionId);
            Assert.Equal(expected.Revenue, actual.Revenue, 6);
            Assert.Equal(expected.OutputValue, actual.OutputValue, 6);
            Assert.Equal(expected.RdExpense, actual.RdExpense, 6);
            Assert.Equal(expected.InventionPatents, actual.InventionPatents, 6);
            Assert.Equal(expected.Enterprises, actual.Enterprises);
            Assert.All(Enumerable.Range(0, FactAccumulator.TierCount), t =>
                Assert.Equal((expected.RevenueTier(t), expected.OutputTier(t)), (actual.RevenueTier(t), actual.OutputTier(t))));
        }
    }

    [Fact]
    public void Tier_levels_count_the_thresholds_reached_at_or_above()
    {
        Assert.Equal(0, FactAccumulator.TierLevel(9_999.99));
        Assert.Equal(1, FactAccumulator.TierLevel(10_000));
        Assert.Equal(2, FactAccumulator.TierLevel(100_000));
        Assert.Equal(5, FactAccumulator.TierLevel(10_000_000));
    }
}

/// <summary>SQLite's two ways of reading the figures (its C functions, ADO.NET) give the same facts.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteFigureReadsTests(SqliteAppFactory app)
{
    [Fact]
    public async Task Facts_read_through_ADO_NET_leave_nothing_to_rewrite_after_facts_read_through_the_C_functions()
    {
        using var scope = app.Scope(out var db);
        await db.Database.OpenConnectionAsync();
        try
        {
            await new FactStore(db) { NativeSqliteReads = true }.RefreshAsync(null, null, CancellationToken.None);

            var again = await new FactStore(db) { NativeSqliteReads = false }.RefreshAsync(null, null, CancellationToken.None);

            Assert.True(again.Facts > 100, $"only {again.Facts} facts");
            Assert.Equal(0, again.Written);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
