using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Plans;

/// <summary>The last step of an extraction: a person confirms the draft plan, which then counts as the office's plan.</summary>
public class ExtractConfirmModel(AppDbContext db) : PageModel
{
    public PlanDetailDto Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await PlansEndpoints.FindDetailAsync(db, id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await new PlanImporter(db).ConfirmAsync(id, ct)) return NotFound();
        return Redirect($"/Plans/Details/{id}");
    }

    public bool IsDraft => Plan.Status == PlanStatus.Draft;
}
