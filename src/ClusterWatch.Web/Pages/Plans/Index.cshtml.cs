using ClusterWatch.Core.Data;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Plans;

public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlanSummaryDto> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await PlansEndpoints.ListPlans(db, null, 1, Paging.MaxPageSize, ct);
        Plans = result.Result is Microsoft.AspNetCore.Http.HttpResults.Ok<PagedList<PlanSummaryDto>> ok ? ok.Value!.Items : [];
    }
}
