using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Plans;

public class PlanInput
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public string? RegionCode { get; set; }
    public int? PeriodStart { get; set; }
    public int? PeriodEnd { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Confirmed;
    public string? Source { get; set; }
    public string? FullText { get; set; }
}

/// <summary>Create (no id) or edit a plan's header and full text; validation is the API's.</summary>
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public int? PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null) { Input.RegionCode = "440300"; return Page(); }
        var plan = await db.Plans.AsNoTracking().Include(p => p.Region).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        PlanId = id;
        Input = new PlanInput
        {
            Slug = plan.Slug, Title = plan.Title, Issuer = plan.Issuer, DocNumber = plan.DocNumber, RegionCode = plan.Region?.Code,
            PeriodStart = plan.PeriodStart, PeriodEnd = plan.PeriodEnd, Status = plan.Status, Source = plan.Source, FullText = plan.FullText,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        PlanId = id;
        var plan = id is null ? new Plan() : await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        var body = new PlanWrite(Input.Slug, Input.Title, Input.Issuer, Input.DocNumber, Input.RegionCode, Input.PeriodStart, Input.PeriodEnd,
            Input.Status, Input.Source, Input.FullText ?? "");
        var errors = await PlansEndpoints.ApplyAsync(db, plan, body, ct);
        if (errors.Any) { errors.AddTo(ModelState); return Page(); }
        if (id is null) db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{plan.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await PlansEndpoints.DeletePlan(db, id, ct);
        return Redirect("/Plans");
    }
}
