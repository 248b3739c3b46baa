using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Analytics;

/// <summary>One enterprise's figure for a year (amounts in 万元) with what caliber and industry filters need.</summary>
public sealed record EnterpriseAmount(int EnterpriseId, int RegisteredRegionId, string IndustryCode, decimal Amount, bool IsSynthetic);

/// <summary>A production site: the share of the enterprise's output produced in the region.</summary>
public sealed record SiteShare(int EnterpriseId, int RegionId, decimal Share);

/// <summary>An amount (or a count) attributed to one region; the database computes these with GROUP BY.</summary>
public sealed record RegionAmount(int RegionId, decimal Amount, bool IsSynthetic);

public sealed record ScopedSum(decimal Amount, bool IsSynthetic, int Contributions);

/// <summary>The sub-industry subtree an indicator covers: its IndustryCode, else its sector's root, else everything.</summary>
public sealed record IndustryScope(string? RootCode)
{
    public static IndustryScope For(Indicator indicator)
    {
        if (!string.IsNullOrWhiteSpace(indicator.IndustryCode)) return new(indicator.IndustryCode);
        if (indicator.Sector == Sector.All) return new((string?)null);
        var root = IndustryTaxonomy.All.FirstOrDefault(i => i.ParentCode is null && i.Sector == indicator.Sector);
        return new(root?.Code);
    }

    public bool Matches(string industryCode) => RootCode is null || IndustryTaxonomy.IsWithin(industryCode, RootCode);
}

/// <summary>
/// Which region an enterprise's figures count in. ByRegistration: the registered region. ByProductionPlace: each production
/// site by its share (an enterprise registered in 南山 producing in 坪山 counts in 坪山, and in 深圳市 either way); an
/// enterprise without recorded sites produces where it is registered.
/// </summary>
public sealed class CaliberAttribution(RegionScopes regions)
{
    public IEnumerable<RegionAmount> ByRegion(IEnumerable<EnterpriseAmount> amounts, IEnumerable<SiteShare> sites, Caliber caliber, IndustryScope industry)
    {
        var sitesByEnterprise = sites.ToLookup(s => s.EnterpriseId);
        foreach (var e in amounts.Where(a => industry.Matches(a.IndustryCode)))
        {
            var own = sitesByEnterprise[e.EnterpriseId].ToList();
            if (caliber == Caliber.ByRegistration || own.Count == 0)
                yield return new RegionAmount(e.RegisteredRegionId, e.Amount, e.IsSynthetic);
            else
                foreach (var s in own) yield return new RegionAmount(s.RegionId, e.Amount * s.Share, e.IsSynthetic);
        }
    }

    /// <summary>Total of the amounts attributed to the region, its series and its descendants.</summary>
    public ScopedSum SumWithin(IEnumerable<RegionAmount> attributed, int regionId)
    {
        var scope = regions.Within(regionId);
        decimal sum = 0; var synthetic = false; var count = 0;
        foreach (var a in attributed.Where(a => scope.Contains(a.RegionId)))
        {
            sum += a.Amount; synthetic |= a.IsSynthetic; count++;
        }
        return new ScopedSum(sum, synthetic, count);
    }

    public ScopedSum Sum(IEnumerable<EnterpriseAmount> amounts, IEnumerable<SiteShare> sites, Caliber caliber, IndustryScope industry, int regionId) =>
        SumWithin(ByRegion(amounts, sites, caliber, industry), regionId);

    /// <summary>
    /// The one region a whole enterprise counts in by production place: the site with the largest share; a tie goes to the
    /// lowest region id so the answer is stable; without sites, the registered region.
    /// </summary>
    public static int PrimaryRegion(int registeredRegionId, IEnumerable<SiteShare> sites) =>
        sites.OrderByDescending(s => s.Share).ThenBy(s => s.RegionId).Select(s => (int?)s.RegionId).FirstOrDefault() ?? registeredRegionId;
}
