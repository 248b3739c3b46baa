using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Tests.Analytics;

public class CaliberAndTierTests
{
    private const int Shenzhen = 1, Nanshan = 2, PingshanNewArea = 3, Pingshan = 4, Futian = 5;

    // 坪山新区 (historical) was succeeded by 坪山区; both carry series 440310.
    private static readonly RegionScopes Regions = new(
    [
        new RegionNode(Shenzhen, "440300", "深圳市", null, null, "440300"),
        new RegionNode(Nanshan, "440305", "南山区", Shenzhen, null, "440305"),
        new RegionNode(PingshanNewArea, "440310", "坪山新区", Shenzhen, Pingshan, "440310"),
        new RegionNode(Pingshan, "440310", "坪山区", Shenzhen, null, "440310"),
        new RegionNode(Futian, "440304", "福田区", Shenzhen, null, "440304"),
    ]);

    private static readonly IndustryScope AllIndustries = new((string?)null);

    // Revenue in 万元: A exactly 10亿元, B one fen short of it, C 25亿元.
    private static readonly EnterpriseAmount A = new(1, Nanshan, IndustryTaxonomy.Ivd, 100_000m, false);
    private static readonly EnterpriseAmount B = new(2, Pingshan, IndustryTaxonomy.Biologic, 99_999.99m, false);
    private static readonly EnterpriseAmount C = new(3, Futian, IndustryTaxonomy.Internet, 250_000m, false);
    private static readonly EnterpriseAmount[] Revenue = [A, B, C];

    // A is registered in 南山 and produces only in 坪山区; B has no sites; C produces 60 % in 福田, 40 % in 坪山区.
    private static readonly SiteShare[] Sites = [new(1, Pingshan, 1m), new(3, Futian, 0.6m), new(3, Pingshan, 0.4m)];

    private static readonly TierCounter Tiers = new(Regions);
    private static readonly CaliberAttribution Attribution = new(Regions);

    [Fact]
    public void Tier_count_includes_an_enterprise_at_exactly_ten_yi()
    {
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByRegistration, AllIndustries, Nanshan).Amount);
    }

    [Fact]
    public void Tier_count_excludes_an_enterprise_just_below_ten_yi()
    {
        // B (99,999.99 万元) is registered in 坪山区; nobody else is.
        Assert.Equal(0m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByRegistration, AllIndustries, Pingshan).Amount);
    }

    [Fact]
    public void Ten_yi_is_one_hundred_thousand_wan()
    {
        Assert.Equal(100_000m, RevenueTier.ThresholdInWan(10m));
        Assert.True(RevenueTier.IsAtOrAbove(100_000m, 10m));
        Assert.False(RevenueTier.IsAtOrAbove(99_999.99m, 10m));
    }

    [Fact]
    public void By_production_place_an_enterprise_registered_in_nanshan_producing_in_pingshan_counts_in_pingshan_not_nanshan()
    {
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByProductionPlace, AllIndustries, Pingshan).Amount);
        Assert.Equal(0m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByProductionPlace, AllIndustries, Nanshan).Amount);
    }

    [Fact]
    public void By_either_caliber_the_city_counts_every_enterprise_above_the_tier_once()
    {
        // A and C are ≥ 10亿元; C is split 60/40 between districts but is one enterprise.
        Assert.Equal(2m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByRegistration, AllIndustries, Shenzhen).Amount);
        Assert.Equal(2m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByProductionPlace, AllIndustries, Shenzhen).Amount);
    }

    [Fact]
    public void By_production_place_a_split_enterprise_counts_where_it_produces_most()
    {
        // C: 福田 0.6 > 坪山区 0.4.
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByProductionPlace, AllIndustries, Futian).Amount);
    }

    [Fact]
    public void A_target_for_the_historical_pingshan_new_area_is_measured_on_enterprises_in_pingshan_district()
    {
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByProductionPlace, AllIndustries, PingshanNewArea).Amount);
        Assert.Contains(Pingshan, Regions.Within(PingshanNewArea));
        Assert.Contains(PingshanNewArea, Regions.Within(Pingshan));
        Assert.DoesNotContain(Nanshan, Regions.Within(PingshanNewArea));
    }

    [Fact]
    public void Tier_count_is_restricted_to_an_industry_subtree()
    {
        // Only A is a medical device (IVD) firm; C is internet.
        var devices = new IndustryScope(IndustryTaxonomy.Device);
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByRegistration, devices, Shenzhen).Amount);
        var bio = IndustryScope.For(new Indicator { Sector = Sector.Bio });
        Assert.Equal(1m, Tiers.Count(Revenue, Sites, 10m, Caliber.ByRegistration, bio, Shenzhen).Amount);
    }

    [Fact]
    public void Output_by_production_place_is_split_by_site_shares()
    {
        // 坪山区: A 100,000 × 1 + B 99,999.99 (no sites: where registered) + C 250,000 × 0.4 = 299,999.99.
        Assert.Equal(299_999.99m, Attribution.Sum(Revenue, Sites, Caliber.ByProductionPlace, AllIndustries, Pingshan).Amount);
        // 福田: C 250,000 × 0.6 = 150,000; 南山: nothing produced there.
        Assert.Equal(150_000m, Attribution.Sum(Revenue, Sites, Caliber.ByProductionPlace, AllIndustries, Futian).Amount);
        Assert.Equal(0m, Attribution.Sum(Revenue, Sites, Caliber.ByProductionPlace, AllIndustries, Nanshan).Amount);
    }

    [Fact]
    public void Output_by_registration_stays_where_the_enterprise_is_registered()
    {
        Assert.Equal(100_000m, Attribution.Sum(Revenue, Sites, Caliber.ByRegistration, AllIndustries, Nanshan).Amount);
        Assert.Equal(99_999.99m, Attribution.Sum(Revenue, Sites, Caliber.ByRegistration, AllIndustries, Pingshan).Amount);
    }

    [Fact]
    public void City_total_is_the_same_under_both_calibers()
    {
        // 100,000 + 99,999.99 + 250,000 = 449,999.99.
        Assert.Equal(449_999.99m, Attribution.Sum(Revenue, Sites, Caliber.ByRegistration, AllIndustries, Shenzhen).Amount);
        Assert.Equal(449_999.99m, Attribution.Sum(Revenue, Sites, Caliber.ByProductionPlace, AllIndustries, Shenzhen).Amount);
    }

    [Fact]
    public void A_sum_from_synthetic_enterprises_is_marked_synthetic()
    {
        var synthetic = new[] { A with { IsSynthetic = true } };
        Assert.True(Attribution.Sum(synthetic, Sites, Caliber.ByRegistration, AllIndustries, Nanshan).IsSynthetic);
        Assert.False(Attribution.Sum(Revenue, Sites, Caliber.ByRegistration, AllIndustries, Nanshan).IsSynthetic);
    }

    [Fact]
    public void Equal_shares_go_to_the_lowest_region_id()
    {
        Assert.Equal(Futian, CaliberAttribution.PrimaryRegion(Nanshan, [new(9, Futian, 0.5m), new(9, 7, 0.5m)]));
        Assert.Equal(Nanshan, CaliberAttribution.PrimaryRegion(Nanshan, []));
    }
}
