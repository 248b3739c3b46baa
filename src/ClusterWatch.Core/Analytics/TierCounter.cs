using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Analytics;

/// <summary>Revenue tiers (超亿元 / 超十亿 / 超百亿 …) in 亿元, and the test of an amount in 万元 against one.</summary>
public static class RevenueTier
{
    public static IReadOnlyList<decimal> ThresholdsYi { get; } = [1m, 10m, 100m, 500m, 1000m];

    public const decimal WanPerYi = 10_000m;

    /// <summary>
    /// ≥, not >: "超十亿元企业" is counted in the statistics as 营业收入 10亿元及以上, so a firm at exactly 10亿元 (100,000 万元) is in.
    /// </summary>
    public static bool IsAtOrAbove(decimal amountWan, decimal thresholdYi) => amountWan >= ThresholdInWan(thresholdYi);

    public static decimal ThresholdInWan(decimal thresholdYi) => thresholdYi * WanPerYi;
}

/// <summary>
/// Counts enterprises at or above a tier in a region: by registration in the registered region, by production place in the
/// region holding the largest share of its output (a whole enterprise is never split between regions when counting).
/// </summary>
public sealed class TierCounter(RegionScopes regions)
{
    public ScopedSum Count(IEnumerable<EnterpriseAmount> amounts, IEnumerable<SiteShare> sites, decimal thresholdYi, Caliber caliber, IndustryScope industry, int regionId)
    {
        var sitesByEnterprise = sites.ToLookup(s => s.EnterpriseId);
        var counted = amounts
            .Where(a => industry.Matches(a.IndustryCode) && RevenueTier.IsAtOrAbove(a.Amount, thresholdYi))
            .Select(a => new RegionAmount(
                caliber == Caliber.ByRegistration ? a.RegisteredRegionId : CaliberAttribution.PrimaryRegion(a.RegisteredRegionId, sitesByEnterprise[a.EnterpriseId]),
                1m, a.IsSynthetic));
        return new CaliberAttribution(regions).SumWithin(counted, regionId);
    }
}
