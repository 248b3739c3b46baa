using System.Globalization;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Plans;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Reporting;

/// <summary>Admin: define report forms (indicators, tasks, units, dates) and their validation rules.</summary>
public class FormsModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public FormFields Input { get; set; } = new();
    [BindProperty] public RuleInputFields Rule { get; set; } = new();

    public sealed class FormFields
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public PeriodType PeriodType { get; set; } = PeriodType.Quarter;
        public int? PlanId { get; set; }
        public int DeadlineDay { get; set; } = 10;
        public int OpenDaysBeforeEnd { get; set; }
        public int? CloseDaysAfterEnd { get; set; }
        public int LockAfterDays { get; set; } = 30;
        public bool DeadlineSkipsWeekends { get; set; }
        public bool IsActive { get; set; } = true;
        /// <summary>One line per value: 指标名称或编号 | 标签 | 下限 | 上限 | 累计</summary>
        public string? Indicators { get; set; }
        public List<int> TaskIds { get; set; } = [];
        /// <summary>One unit per line, any name or alias.</summary>
        public string? Units { get; set; }
    }

    public sealed class RuleInputFields
    {
        public string? Name { get; set; }
        public string? Left { get; set; }
        public string? Operator { get; set; } = "<=";
        public string? Right { get; set; }
        public decimal? Tolerance { get; set; }
        public RuleImportance Importance { get; set; }
        public MissingValueStrategy MissingValues { get; set; }
        public string? Message { get; set; }
        public string? Field { get; set; }
    }

    public List<ReportForm> Forms { get; private set; } = [];
    public ReportForm? Editing { get; private set; }
    public List<Plan> Plans { get; private set; } = [];
    public List<PlanTask> PlanTasks { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Forms = await db.Set<ReportForm>().AsNoTracking().Include(f => f.Assignments).Include(f => f.Indicators).Include(f => f.Tasks).OrderBy(f => f.Id).ToListAsync(ct);
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        if (Id is { } id) Editing = await new SubmissionService(db).LoadFormAsync(id, ct);
        var planId = Input.PlanId ?? Editing?.PlanId;
        PlanTasks = planId is null ? [] : await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!UnitScope.IsAdmin(User)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(ct);
        if (Id is not null && Editing is null) return NotFound();
        if (Editing is { } f)
        {
            var unitIds = f.Assignments.Select(a => a.UnitId).ToList();
            var names = await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => u.ShortName).ToListAsync(ct);
            Input = new FormFields
            {
                Name = f.Name, Description = f.Description, PeriodType = f.PeriodType, PlanId = f.PlanId, DeadlineDay = f.DeadlineDay, OpenDaysBeforeEnd = f.OpenDaysBeforeEnd,
                CloseDaysAfterEnd = f.CloseDaysAfterEnd, LockAfterDays = f.LockAfterDays, DeadlineSkipsWeekends = f.DeadlineSkipsWeekends, IsActive = f.IsActive,
                Indicators = string.Join("\n", f.Indicators.OrderBy(i => i.SortOrder).Select(i => $"{i.IndicatorId} | {i.Label} | {Fmt(i.MinValue)} | {Fmt(i.MaxValue)} | {(i.IsCumulative ? "累计" : "")}")),
                TaskIds = f.Tasks.Select(t => t.PlanTaskId).ToList(),
                Units = string.Join("\n", names.Order(StringComparer.Ordinal)),
            };
        }
        return Page();
    }

    private static string Fmt(decimal? v) => v is { } d ? ValidationEngine.Fmt(d) : "";

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var indicators = new List<FormIndicatorInput>();
        var lines = (Input.Indicators ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var n = 0; n < lines.Length; n++)
        {
            var parts = lines[n].Split('|', StringSplitOptions.TrimEntries);
            var key = parts[0];
            var indicator = int.TryParse(key, out var iid) ? await db.Indicators.FirstOrDefaultAsync(i => i.Id == iid, ct) : await db.Indicators.FirstOrDefaultAsync(i => i.Name == key, ct);
            if (indicator is null) { errors.Add("Input.Indicators", $"第 {n + 1} 行：找不到指标「{key}」"); continue; }
            decimal? Part(int i) => parts.Length > i && decimal.TryParse(parts[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
            indicators.Add(new FormIndicatorInput(indicator.Id, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, null, Part(2), Part(3), parts.Length > 4 && parts[4].Contains('累')));
        }
        var units = (Input.Units ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        ReportForm form;
        if (Id is { } id)
        {
            var existing = await db.Set<ReportForm>().Include(f => f.Indicators).Include(f => f.Tasks).Include(f => f.Assignments).FirstOrDefaultAsync(f => f.Id == id, ct);
            if (existing is null) return NotFound();
            form = existing;
        }
        else form = new ReportForm();
        if (!errors.Any)
        {
            errors = await ReportingEndpoints.ApplyAsync(db, form, new FormInput(Input.Name, Input.Description, Input.PeriodType, Input.PlanId, Input.OpenDaysBeforeEnd,
                Input.CloseDaysAfterEnd, Input.DeadlineDay, Input.DeadlineSkipsWeekends, Input.LockAfterDays, Input.IsActive, indicators, Input.TaskIds, units), ct);
        }
        if (errors.Any)
        {
            Errors = errors.ToDictionary();
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }
        if (Id is null) db.Add(form);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = form.Id });
    }

    public async Task<IActionResult> OnPostAddRuleAsync(CancellationToken ct)
    {
        var form = Id is { } id ? await db.Set<ReportForm>().Include(f => f.Indicators).FirstOrDefaultAsync(f => f.Id == id, ct) : null;
        if (form is null) return NotFound();
        var rule = new ValidationRule { FormId = form.Id };
        var errors = ReportingEndpoints.ApplyRule(form, rule, new RuleInput(Rule.Name, Rule.Left, Rule.Operator, Rule.Right, Rule.Tolerance, Rule.Importance, Rule.MissingValues, Rule.Message, Rule.Field, true));
        if (errors.Any)
        {
            Errors = errors.ToDictionary().ToDictionary(e => "Rule." + e.Key, e => e.Value);
            await LoadAsync(ct);
            await OnGetFieldsAsync(ct);
            return Page();
        }
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = form.Id });
    }

    private async Task OnGetFieldsAsync(CancellationToken ct)
    {
        var keep = Rule;
        await OnGetAsync(ct);
        Rule = keep;
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(int ruleId, CancellationToken ct)
    {
        var rule = await db.Set<ValidationRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.FormId == Id, ct);
        if (rule is null) return NotFound();
        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id });
    }
}
