using ClusterWatch.Core.Analytics.Refresh;
using static ClusterWatch.Core.Analytics.Refresh.RefreshScopeDeriver;

namespace ClusterWatch.Tests.Analytics;

public class RefreshScopeDeriverTests
{
    private static AuditChange Change(string action, string type, string id, string? before, string? after) => new(action, type, id, before, after);

    [Fact]
    public void A_figure_edit_touches_the_facts_of_its_enterprise_in_its_year_only()
    {
        var derived = Derive([Change("Modified", "EnterpriseFigure", "77", """{"Id":77,"EnterpriseId":12,"Year":2023,"Quarter":0,"Revenue":100.5}""",
            """{"Id":77,"EnterpriseId":12,"Year":2023,"Quarter":0,"Revenue":200.5}""")], 500);

        Assert.False(derived.Facts.All);
        Assert.Equal([12], derived.Facts.EnterpriseIds);
        Assert.Equal([2023], derived.Facts.Years);
        Assert.Empty(derived.Facts.RegionIds);
        Assert.False(derived.Scope.IsFull);
        Assert.Equal([12], derived.Scope.EnterpriseIds);
        Assert.Equal(500, derived.UpToAuditId);
    }

    [Fact]
    public void An_enterprise_that_moved_touches_its_old_and_new_region_in_every_year()
    {
        var derived = Derive([Change("Modified", "Enterprise", "12", """{"Id":12,"RegisteredRegionId":5,"IndustryCode":"C27"}""",
            """{"Id":12,"RegisteredRegionId":9,"IndustryCode":"C27"}""")], 10);

        Assert.Equal([5, 9], derived.Facts.RegionIds.Order());
        Assert.Empty(derived.Facts.Years); // every year
        Assert.Equal([12], derived.Facts.EnterpriseIds);
        Assert.Equal([5, 9], derived.Scope.RegionIds.Order());
    }

    [Fact]
    public void A_production_site_change_touches_both_regions_of_the_site()
    {
        var derived = Derive([Change("Modified", "ProductionSite", "3", """{"Id":3,"EnterpriseId":12,"RegionId":5,"Share":1.0}""",
            """{"Id":3,"EnterpriseId":12,"RegionId":7,"Share":1.0}""")], 10);

        Assert.Equal([5, 7], derived.Facts.RegionIds.Order());
        Assert.Equal([12], derived.Facts.EnterpriseIds);
    }

    [Fact]
    public void A_submission_or_indicator_value_touches_no_facts_but_its_unit_plan_region_and_year()
    {
        var derived = Derive([
            Change("Modified", "Submission", "4", """{"Id":4,"FormId":2,"UnitId":31,"Status":1}""", """{"Id":4,"FormId":2,"UnitId":31,"Status":2}"""),
            Change("Added", "IndicatorValue", "8", null, """{"Id":8,"IndicatorId":3,"RegionId":44,"Year":2024,"Quarter":0,"Value":1.5}"""),
            Change("Modified", "Target", "6", """{"Id":6,"PlanId":2,"RegionId":44,"Year":2025}""", """{"Id":6,"PlanId":2,"RegionId":44,"Year":2025}"""),
        ], 10);

        Assert.True(derived.Facts.IsEmpty);
        Assert.False(derived.Scope.IsFull);
        Assert.Equal([31], derived.Scope.UnitIds);
        Assert.Equal([2], derived.Scope.PlanIds);
        Assert.Equal([44], derived.Scope.RegionIds);
        Assert.Equal([2024, 2025], derived.Scope.Years.Order());
        Assert.Empty(derived.Scope.EnterpriseIds);
    }

    [Fact]
    public void A_bulk_enterprise_entry_means_a_full_refresh_of_everything()
    {
        var derived = Derive([Change("DemoGenerate", "Enterprise", "1-300", null, """{"enterprises":300}""")], 10);

        Assert.True(derived.Facts.All);
        Assert.True(derived.Scope.IsFull);
    }

    [Fact]
    public void A_bulk_entry_of_another_feature_refreshes_the_other_stages_but_not_the_facts()
    {
        var derived = Derive([Change("seed reporting demo", "Submission", "", null, """{"submissions":40}""")], 10);

        Assert.True(derived.Scope.IsFull);
        Assert.True(derived.Facts.IsEmpty);
    }

    [Fact]
    public void A_deleted_enterprise_means_a_full_fact_refresh_because_its_sites_went_with_it()
    {
        var derived = Derive([Change("Deleted", "Enterprise", "12", """{"Id":12,"RegisteredRegionId":5}""", null)], 10);

        Assert.True(derived.Facts.All);
    }

    [Fact]
    public void The_refresh_own_audit_entries_and_pool_memberships_touch_no_facts()
    {
        var derived = Derive([
            Change("AnalyticsRefresh", "AnalyticsState", "1", null, "[]"),
            Change("Added", "PoolMembership", "9", null, """{"Id":9,"EnterpriseId":12,"Pool":1,"FromYear":2020}"""),
        ], 10);

        Assert.True(derived.Facts.IsEmpty);
        Assert.False(derived.Scope.IsFull);
        Assert.Equal([12], derived.Scope.EnterpriseIds);
    }

    [Fact]
    public void No_entries_derive_an_empty_scope()
    {
        var derived = Derive([], 10);

        Assert.True(derived.IsEmpty);
    }
}
