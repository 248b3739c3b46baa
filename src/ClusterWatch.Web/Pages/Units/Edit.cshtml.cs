using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Pages.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Units;

public class UnitInput
{
    public string? FullName { get; set; }
    public string? ShortName { get; set; }
    public UnitKind Kind { get; set; }
    public string? RegionCode { get; set; }
    public int? ValidFromYear { get; set; }
    public int? ValidToYear { get; set; }
    public int? SuccessorId { get; set; }
    /// <summary>One alias per line (or separated by 、).</summary>
    public string? Aliases { get; set; }
}

/// <summary>Create, edit or delete a unit with its aliases and successor; the checks are the API's.</summary>
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public UnitInput Input { get; set; } = new();
    public int? UnitId { get; private set; }
    public List<Unit> Others { get; private set; } = [];
    public string? FormError { get; private set; }

    private async Task LoadOthersAsync(int? id, CancellationToken ct) =>
        Others = await db.Units.AsNoTracking().Where(u => u.Id != id).OrderBy(u => u.FullName).ToListAsync(ct);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        UnitId = id;
        await LoadOthersAsync(id, ct);
        if (id is null) { Input.RegionCode = "440300"; return Page(); }
        var unit = await db.Units.AsNoTracking().Include(u => u.Aliases).Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        Input = new UnitInput
        {
            FullName = unit.FullName, ShortName = unit.ShortName, Kind = unit.Kind, RegionCode = unit.Region?.Code,
            ValidFromYear = unit.ValidFromYear, ValidToYear = unit.ValidToYear, SuccessorId = unit.SuccessorId,
            Aliases = string.Join("\n", unit.Aliases.Select(a => a.Alias).OrderBy(a => a, StringComparer.Ordinal)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        UnitId = id;
        await LoadOthersAsync(id, ct);
        if (PlanLabels.ReplaceBindingErrors(ModelState)) return Page();
        var unit = id is null ? new Unit() : await db.Units.Include(u => u.Aliases).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var body = new UnitWrite(Input.FullName, Input.ShortName, Input.Kind, Input.RegionCode, Input.ValidFromYear, Input.ValidToYear,
            Input.SuccessorId, NameText.SplitUnitList(Input.Aliases));
        var errors = await UnitsEndpoints.ApplyAsync(db, unit, body, ct);
        if (errors.Any) { errors.AddTo(ModelState); return Page(); }
        if (id is null) db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return Redirect("/Units?q=" + Uri.EscapeDataString(unit.ShortName));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await UnitsEndpoints.DeleteUnit(db, id, ct);
        if (result.Result is ProblemHttpResult problem)
        {
            UnitId = id;
            FormError = problem.ProblemDetails.Detail;
            await LoadOthersAsync(id, ct);
            return await OnGetAsync(id, ct) is PageResult ? Page() : NotFound();
        }
        return Redirect("/Units");
    }
}
