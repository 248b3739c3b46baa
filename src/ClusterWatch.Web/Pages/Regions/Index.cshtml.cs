using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Regions;

/// <summary>The division tree 广东省 → cities → districts, historical regions included (greyed, with successor and years).</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public List<Region> Roots { get; private set; } = [];
    public ILookup<int?, Region> ChildrenOf { get; private set; } = Array.Empty<Region>().ToLookup(r => r.ParentId);
    public Dictionary<int, Region> ById { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ThenBy(r => r.ValidToYear != null).ToListAsync(ct);
        ById = regions.ToDictionary(r => r.Id);
        ChildrenOf = regions.ToLookup(r => r.ParentId);
        Roots = regions.Where(r => r.Level == RegionLevel.Province).ToList();
    }

    public IEnumerable<Region> Children(Region region) =>
        ChildrenOf[region.Id].OrderBy(r => r.IsCurrent ? 0 : 1).ThenBy(r => r.Code);
}
