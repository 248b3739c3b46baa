using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Plans.Tasks;

public class TaskInput
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public PlanTaskStatus Status { get; set; }
    /// <summary>Unit names as the plan writes them, separated by 、.</summary>
    public string? LeadUnits { get; set; }
    public string? ParticipantUnits { get; set; }
}

/// <summary>Create, edit (status, units) or delete one task; unit names are resolved through the unit aliases.</summary>
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public TaskInput Input { get; set; } = new();
    public Plan Plan { get; private set; } = null!;
    public int? TaskId { get; private set; }
    public List<TaskUnitDto> CurrentUnits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, int? id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        TaskId = id;
        if (id is null) return Page();
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (task is null) return NotFound();
        var dto = TaskDto.From(task);
        CurrentUnits = dto.Units.ToList();
        Input = new TaskInput
        {
            Number = task.Number, Title = task.Title, Text = task.Text, Status = task.Status,
            LeadUnits = string.Join("、", dto.Units.Where(u => u.Role == AssignmentRole.Lead).Select(u => u.WrittenAs)),
            ParticipantUnits = string.Join("、", dto.Units.Where(u => u.Role == AssignmentRole.Participant).Select(u => u.WrittenAs)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int? id, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        TaskId = id;
        var task = id is null ? new PlanTask { PlanId = planId }
            : await db.PlanTasks.Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (task is null) return NotFound();
        var body = new TaskWrite(Input.Number, Input.Title, Input.Text, Input.Status, null,
            NameText.SplitUnitList(Input.LeadUnits), NameText.SplitUnitList(Input.ParticipantUnits));
        var errors = await PlanItemsEndpoints.ApplyAsync(db, plan, task, body, ct);
        if (errors.Any) { errors.AddTo(ModelState); return Page(); }
        if (id is null) db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{planId}#tasks");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int id, CancellationToken ct)
    {
        var task = await db.PlanTasks.Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
        if (task is null) return NotFound();
        db.PlanTasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{planId}#tasks");
    }
}
