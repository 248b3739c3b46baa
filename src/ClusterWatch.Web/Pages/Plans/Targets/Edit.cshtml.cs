using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Plans.Targets;

public class TargetInput
{
    public int? IndicatorId { get; set; }
    public string? RegionCode { get; set; }
    public int? Year { get; set; }
    public string? Comparator { get; set; } = "=";
    public decimal? Value { get; set; }
    public decimal? ValueMax { get; set; }
    public string? Unit { get; set; }
    public string? Quote { get; set; }
}

/// <summary>Create, edit or delete one target of a plan; the checks are the API's, shown next to each field.</summary>
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public TargetInput Input { get; set; } = new();
    public Plan Plan { get; private set; } = null!;
    public int? TargetId { get; private set; }
    public List<Indicator> Indicators { get; private set; } = [];

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Region).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return false;
        Plan = plan;
        Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int planId, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        TargetId = id;
        if (id is null)
        {
            Input.RegionCode = Plan.Region?.Code;
            Input.Year = Plan.PeriodEnd;
            return Page();
        }
        var target = await db.Targets.AsNoTracking().Include(t => t.Region).SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (target is null) return NotFound();
        Input = new TargetInput
        {
            IndicatorId = target.IndicatorId, RegionCode = target.Region?.Code, Year = target.Year, Comparator = PlanValueText.Symbol(target.Comparator),
            Value = target.Value, ValueMax = target.ValueMax, Unit = target.Unit, Quote = target.Quote,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        TargetId = id;
        if (PlanLabels.ReplaceBindingErrors(ModelState)) return Page();
        var target = id is null ? new Target { PlanId = planId } : await db.Targets.SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (target is null) return NotFound();
        var body = new TargetWrite(Input.IndicatorId, Input.RegionCode, null, Input.Year, Input.Comparator, Input.Value, Input.ValueMax, Input.Unit, Input.Quote);
        var errors = await PlanItemsEndpoints.ApplyAsync(db, Plan, target, body, ct);
        if (errors.Any) { errors.AddTo(ModelState); return Page(); }
        if (id is null) db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{planId}#targets");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int id, CancellationToken ct)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (target is null) return NotFound();
        db.Targets.Remove(target);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{planId}#targets");
    }
}
