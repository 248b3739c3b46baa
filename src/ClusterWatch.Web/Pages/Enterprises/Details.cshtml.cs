using ClusterWatch.Core.Data;
using ClusterWatch.Web.Enterprises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>One enterprise: its registration, sites, pools and figures by year and by quarter.</summary>
public class DetailsModel(AppDbContext db, ClusterWatch.Core.Enterprises.Credit.CreditScoringService credit) : PageModel
{
    public EnterpriseDetails Enterprise { get; private set; } = null!;
    public CreditReport? Credit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string creditCode, CancellationToken ct)
    {
        var details = await EnterprisesEndpoints.LoadDetailsAsync(db, creditCode, ct);
        if (details is null) return NotFound();
        Enterprise = details;
        Credit = await CreditEndpoints.LoadReportAsync(db, credit, creditCode, ct);
        return Page();
    }
}
