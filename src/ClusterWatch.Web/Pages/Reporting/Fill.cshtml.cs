using System.Globalization;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Reporting;

/// <summary>One unit's report of one form for one period, in the browser or through the Excel template.</summary>
[WritePolicy(Policies.Reporter)]
public class FillModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Form { get; set; }
    [BindProperty(SupportsGet = true)] public int Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<ValueField> Values { get; set; } = [];
    [BindProperty] public List<TaskField> Tasks { get; set; } = [];

    public sealed class ValueField
    {
        public string Label { get; set; } = "";
        public string? Value { get; set; }
        /// <summary>变动说明, for a field whose rule needs an explanation.</summary>
        public string? Explanation { get; set; }
    }

    public sealed class TaskField
    {
        public int PlanTaskId { get; set; }
        public TaskProgress Status { get; set; }
        public int Percent { get; set; }
        public string? DoneThisPeriod { get; set; }
        public string? Problems { get; set; }
        public string? NextSteps { get; set; }
    }

    public ReportForm ReportForm { get; private set; } = null!;
    public Unit ReportUnit { get; private set; } = null!;
    public ReportingPeriod ReportPeriod { get; private set; } = null!;
    public ReportingCalendar Calendar { get; private set; } = null!;
    public Submission? Submission { get; private set; }
    public List<PlanTask> UnitTasks { get; private set; } = [];
    public Dictionary<string, decimal> PreviousValues { get; private set; } = [];
    public Dictionary<int, int> PreviousPercents { get; private set; } = [];
    public List<RuleViolation> Violations { get; private set; } = [];
    public List<SubmissionAttachment> Attachments { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public bool CanWrite { get; private set; }

    public IEnumerable<RuleViolation> For(string field) => Violations.Where(v => v.Field == field);

    /// <summary>The 变动说明 box shows when a rule needing an explanation fired on this field, or one was already written.</summary>
    public bool NeedsExplanation(ValueField field) =>
        !string.IsNullOrWhiteSpace(field.Explanation) || For(field.Label).Any(v => v.Importance == RuleImportance.RequiresExplanation);

    /// <summary>Loads the form, unit and period; null when allowed, else the 404/403 to answer.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var form = await new SubmissionService(db).LoadFormAsync(Form, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Unit, ct);
        if (form is null || unit is null || form.Assignments.All(a => a.UnitId != Unit)) return NotFound();
        if (!UnitScope.CanAccessUnit(User, Unit)) return StatusCode(StatusCodes.Status403Forbidden);
        ReportForm = form;
        ReportUnit = unit;
        Calendar = new ReportingCalendar(CalendarRules.Of(form));
        ReportPeriod = Calendar.Parse(Period) ?? Calendar.Current(DateTimeOffset.UtcNow);
        Period = ReportPeriod.Key;
        CanWrite = UnitScope.CanWriteUnit(User, Unit);
        UnitTasks = SubmissionService.TasksFor(form, Unit);
        Submission = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.FormId == Form && s.UnitId == Unit && s.PeriodKey == ReportPeriod.Key, ct);
        var previous = await new SubmissionService(db).LatestVersionAsync(Form, Unit, ReportPeriod.Previous().Key, ct);
        PreviousValues = previous is null ? [] : SubmissionService.ReadValues(previous.ValuesJson);
        PreviousPercents = previous?.TaskReports.ToDictionary(t => t.PlanTaskId, t => t.Percent) ?? [];
        if (Submission is not null)
            Attachments = await db.Set<SubmissionAttachment>().AsNoTracking().Where(a => a.SubmissionId == Submission.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return null;
    }

    /// <summary>The fields from the current version (or empty), unless the post is being shown again.</summary>
    private async Task FillFromCurrentAsync(CancellationToken ct)
    {
        var version = Submission is null ? null : await db.Set<SubmissionVersion>().AsNoTracking().Include(v => v.TaskReports)
            .FirstOrDefaultAsync(v => v.SubmissionId == Submission.Id && v.Number == Submission.CurrentVersion, ct);
        var values = version is null ? [] : SubmissionService.ReadValues(version.ValuesJson);
        var explanations = version is null ? [] : SubmissionService.ReadExplanations(version.WarningsJson);
        Version = Submission?.CurrentVersion ?? 0;
        Values = ReportForm.Indicators.OrderBy(i => i.SortOrder).Select(i => new ValueField
        {
            Label = i.Label, Value = values.TryGetValue(i.Label, out var v) ? v.ToString(CultureInfo.InvariantCulture) : null,
            Explanation = explanations.GetValueOrDefault(i.Label),
        }).ToList();
        Tasks = UnitTasks.Select(t =>
        {
            var line = version?.TaskReports.FirstOrDefault(r => r.PlanTaskId == t.Id);
            return new TaskField
            {
                PlanTaskId = t.Id, Status = line?.Status ?? TaskProgress.NotStarted, Percent = line?.Percent ?? PreviousPercents.GetValueOrDefault(t.Id),
                DoneThisPeriod = line?.DoneThisPeriod, Problems = line?.Problems, NextSteps = line?.NextSteps,
            };
        }).ToList();
        Violations = version is null ? [] : SubmissionService.ReadWarnings(version.WarningsJson);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        await FillFromCurrentAsync(ct);
        Message = TempData["ReportMessage"] as string;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!CanWrite) return StatusCode(StatusCodes.Status403Forbidden);
        var values = new Dictionary<string, decimal?>();
        foreach (var v in Values)
        {
            if (string.IsNullOrWhiteSpace(v.Value)) { values[v.Label] = null; continue; }
            if (!decimal.TryParse(v.Value.Trim().Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
            {
                Violations.Add(new RuleViolation(v.Label, $"「{v.Label}」的值「{v.Value}」不是数字", RuleImportance.Blocking, "格式"));
                continue;
            }
            values[v.Label] = d;
        }
        if (Violations.Count > 0) { Error = "请修改标红的字段。"; return Page(); }
        var tasks = Tasks.Select(t => new TaskReportInput(t.PlanTaskId, t.Status, t.Percent, t.DoneThisPeriod, t.Problems, t.NextSteps)).ToList();
        var explanations = Values.Where(v => !string.IsNullOrWhiteSpace(v.Explanation)).ToDictionary(v => v.Label, v => v.Explanation);
        var outcome = await new SubmissionService(db).SaveAsync(new SubmissionRequest(Form, Unit, ReportPeriod.Key, Version, values, tasks, submit, explanations), User.Identity?.Name ?? "web", DateTimeOffset.UtcNow, ct);
        return Show(outcome, submit);
    }

    private IActionResult Show(SaveOutcome outcome, bool submit)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                TempData["ReportMessage"] = submit ? $"已提交（第 {saved.Version.Number} 版）。" : $"草稿已保存（第 {saved.Version.Number} 版）。";
                return RedirectToPage(new { Form, Unit, Period });
            case SaveOutcome.Blocked blocked:
                Violations = blocked.Violations.ToList();
                Error = "未通过校验规则，不能提交：请按字段旁的提示修改（也可先保存草稿）。";
                return Page();
            case SaveOutcome.Stale stale:
                Error = $"该报告已被更新为第 {stale.CurrentVersion} 版，请刷新页面后基于最新版本修改。";
                return Page();
            case SaveOutcome.Locked locked:
                Error = locked.Message;
                return Page();
            case SaveOutcome.Invalid invalid:
                Error = invalid.Message;
                return Page();
            default:
                throw new InvalidOperationException(outcome.GetType().Name);
        }
    }

    /// <summary>The Excel template, pre-filled with last period's values and the unit's tasks.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var service = new SubmissionService(db);
        var previous = await service.LatestVersionAsync(Form, Unit, ReportPeriod.Previous().Key, ct);
        var current = await service.LatestVersionAsync(Form, Unit, ReportPeriod.Key, ct);
        var bytes = ReportTemplate.Build(ReportForm, ReportUnit.ShortName, ReportPeriod, UnitTasks, PreviousValues, previous,
            current is null ? null : SubmissionService.ReadValues(current.ValuesJson), current);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{ReportForm.Name}-{ReportUnit.ShortName}-{ReportPeriod.Key}.xlsx");
    }

    /// <summary>Reads a filled template and saves it as a draft version; errors name the row.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!CanWrite) return StatusCode(StatusCodes.Status403Forbidden);
        await FillFromCurrentAsync(ct);
        if (file is null || file.Length == 0) { Error = "请选择填好的报送模板（.xlsx）。"; return Page(); }
        ReportTemplate.Parsed parsed;
        try
        {
            await using var stream = file.OpenReadStream();
            parsed = ReportTemplate.Parse(TabularFileReader.Read(stream, file.FileName), ReportForm, UnitTasks);
        }
        catch (TabularFileException e) { Error = e.Message; return Page(); }
        if (parsed.Errors.Count > 0) { Error = string.Join("；", parsed.Errors); return Page(); }
        var outcome = await new SubmissionService(db).SaveAsync(new SubmissionRequest(Form, Unit, ReportPeriod.Key, Version, parsed.Values, parsed.Tasks, false),
            User.Identity?.Name ?? "web", DateTimeOffset.UtcNow, ct);
        return Show(outcome, submit: false);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, int? task, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!CanWrite) return StatusCode(StatusCodes.Status403Forbidden);
        await FillFromCurrentAsync(ct);
        if (Submission is null) { Error = "请先保存草稿，再上传佐证材料。"; return Page(); }
        var (attachment, error) = await AttachmentStore.CreateAsync(file, Submission.Id, task, User.Identity?.Name ?? "web", ct);
        if (attachment is null) { Error = error; return Page(); }
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        TempData["ReportMessage"] = $"已上传附件「{attachment.FileName}」。";
        return RedirectToPage(new { Form, Unit, Period });
    }
}
