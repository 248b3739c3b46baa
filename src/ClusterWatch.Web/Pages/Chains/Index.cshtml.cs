using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Chains;

/// <summary>One card per industry chain: the region's enterprises in it and its links by class against the benchmark.</summary>
public class IndexModel(AppDbContext db, ChainReports reports) : PageModel
{
    public ChainPageQuery Filter { get; private set; } = null!;
    public ChainOverview? Overview { get; private set; }

    public async Task OnGetAsync(string? region, string? benchmark, string? year, CancellationToken ct)
    {
        Filter = await ChainPageQuery.LoadAsync(db, reports, region, benchmark, year, ct);
        if (Filter.Query is { } q) Overview = await reports.OverviewAsync(q.Region, q.Benchmark, q.Year, ct);
    }
}
