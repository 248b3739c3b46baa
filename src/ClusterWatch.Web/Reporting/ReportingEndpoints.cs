using System.Security.Claims;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Reporting;

/// <summary>/api/forms, /api/submissions and /api/completeness: reads for signed-in users (reporters only their unit), writes by role.</summary>
public static class ReportingEndpoints
{
    public static RouteGroupBuilder MapReporting(this RouteGroupBuilder api)
    {
        var forms = api.MapGroup("/forms").WithTags("Reporting");
        forms.MapGet("/", ListForms).RequireAuthorization(Policies.Reader);
        forms.MapGet("/{id:int}", GetForm).RequireAuthorization(Policies.Reader);
        forms.MapPost("/", CreateForm).RequireAuthorization(Policies.Admin);
        forms.MapPut("/{id:int}", UpdateForm).RequireAuthorization(Policies.Admin);
        forms.MapPost("/{id:int}/rules", CreateRule).RequireAuthorization(Policies.Admin);
        forms.MapPut("/{id:int}/rules/{ruleId:int}", UpdateRule).RequireAuthorization(Policies.Admin);
        forms.MapDelete("/{id:int}/rules/{ruleId:int}", DeleteRule).RequireAuthorization(Policies.Admin);

        var submissions = api.MapGroup("/submissions").WithTags("Reporting");
        submissions.MapGet("/", ListSubmissions).RequireAuthorization(Policies.Reader);
        submissions.MapGet("/{id:int}", GetSubmission).RequireAuthorization(Policies.Reader);
        submissions.MapPost("/", PostSubmission).RequireAuthorization(Policies.Reporter);
        submissions.MapGet("/{id:int}/versions", ListVersions).RequireAuthorization(Policies.Reader);
        submissions.MapGet("/{id:int}/versions/{number:int}", GetVersion).RequireAuthorization(Policies.Reader);
        submissions.MapPost("/{id:int}/accept", Accept).RequireAuthorization(Policies.Admin);
        submissions.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Admin);
        submissions.MapPost("/{id:int}/unlock", Unlock).RequireAuthorization(Policies.Admin);
        submissions.MapPost("/{id:int}/attachments", UploadAttachment).RequireAuthorization(Policies.Reporter).DisableAntiforgery();
        submissions.MapGet("/{id:int}/attachments", ListAttachments).RequireAuthorization(Policies.Reader);
        submissions.MapGet("/{id:int}/attachments/{attachmentId:int}", DownloadAttachment).RequireAuthorization(Policies.Reader);

        var completeness = api.MapGroup("/completeness").WithTags("Reporting");
        completeness.MapGet("/", GetCompleteness).RequireAuthorization(Policies.Reader);
        completeness.MapGet("/overdue", GetOverdue).RequireAuthorization(Policies.Reader);
        completeness.MapGet("/overdue.xlsx", ExportOverdue).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: detail);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api";

    // ---------- forms ----------

    private static async Task<IResult> ListForms(AppDbContext db, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        var restricted = UnitScope.RestrictedUnitId(user);
        var query = db.Set<ReportForm>().AsNoTracking();
        if (restricted is { } unitId) query = query.Where(f => f.Assignments.Any(a => a.UnitId == unitId));
        var total = await query.CountAsync(ct);
        var list = await query.OrderBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(f => new FormSummaryDto(f.Id, f.Name, f.PeriodType, f.DeadlineDay, f.LockAfterDays, f.IsActive, f.IsSynthetic,
                f.Indicators.Count, f.Tasks.Count, f.Assignments.Count)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<FormSummaryDto>(list, total, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> GetForm(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var form = await new SubmissionService(db).LoadFormAsync(id, ct);
        if (form is null) return Problems.NotFound($"没有编号为 {id} 的报表。");
        if (UnitScope.RestrictedUnitId(user) is { } unitId)
        {
            if (form.Assignments.All(a => a.UnitId != unitId)) return Forbidden("本单位不报送该报表。");
            // An officer sees only the tasks its unit reports.
            var own = SubmissionService.TasksFor(form, unitId).Select(t => t.Id).ToHashSet();
            form.Tasks.RemoveAll(t => !own.Contains(t.PlanTaskId));
        }
        return TypedResults.Ok(await ToDtoAsync(db, form, ct));
    }

    private static async Task<FormDto> ToDtoAsync(AppDbContext db, ReportForm form, CancellationToken ct)
    {
        var ids = form.Assignments.Select(a => a.UnitId).ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName, ct);
        return FormDto.From(form, names);
    }

    private static async Task<IResult> CreateForm(FormInput input, AppDbContext db, CancellationToken ct)
    {
        var form = new ReportForm();
        var errors = await ApplyAsync(db, form, input, ct);
        if (errors.Any) return errors.ToProblem("报表定义有误");
        db.Add(form);
        await db.SaveChangesAsync(ct);
        var saved = await new SubmissionService(db).LoadFormAsync(form.Id, ct);
        return TypedResults.Created($"/api/forms/{form.Id}", await ToDtoAsync(db, saved!, ct));
    }

    private static async Task<IResult> UpdateForm(int id, FormInput input, AppDbContext db, CancellationToken ct)
    {
        var form = await db.Set<ReportForm>().Include(f => f.Indicators).Include(f => f.Tasks).Include(f => f.Assignments).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (form is null) return Problems.NotFound($"没有编号为 {id} 的报表。");
        var errors = await ApplyAsync(db, form, input, ct);
        if (errors.Any) return errors.ToProblem("报表定义有误");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await ToDtoAsync(db, (await new SubmissionService(db).LoadFormAsync(id, ct))!, ct));
    }

    /// <summary>Checks the input field by field and copies it onto the form (lists are replaced); the form is untouched on errors.</summary>
    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, ReportForm form, FormInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 128) errors.Add("name", "报表名称必填，且不超过 128 字。");
        else if (await db.Set<ReportForm>().AnyAsync(f => f.Name == name && f.Id != form.Id, ct)) errors.Add("name", $"已有名为「{name}」的报表。");
        if (!Enum.IsDefined(input.PeriodType)) errors.Add("periodType", "报送周期应为 Month、Quarter 或 Year。");
        if (input.DeadlineDay is < 1 or > 31) errors.Add("deadlineDay", "截止日应在 1 至 31 之间。");
        if (input.LockAfterDays is < 0) errors.Add("lockAfterDays", "锁定天数不能为负。");
        if (input.OpenDaysBeforeEnd < 0) errors.Add("openDaysBeforeEnd", "提前开放天数不能为负。");
        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct)) errors.Add("planId", $"规划 {planId} 不存在。");

        var indicators = new List<ReportFormIndicator>();
        var inputs = input.Indicators ?? [];
        var indicatorIds = inputs.Select(i => i.IndicatorId).ToList();
        var known = await db.Indicators.Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        for (var n = 0; n < inputs.Count; n++)
        {
            var i = inputs[n];
            if (!known.TryGetValue(i.IndicatorId, out var indicator)) { errors.Add($"indicators[{n}].indicatorId", $"第 {n + 1} 个指标：指标 {i.IndicatorId} 不存在。"); continue; }
            var label = string.IsNullOrWhiteSpace(i.Label) ? indicator.Name : i.Label.Trim();
            if (label.Length > 128 || label.IndexOfAny(['{', '}']) >= 0) errors.Add($"indicators[{n}].label", $"第 {n + 1} 个指标：名称不能含花括号，且不超过 128 字。");
            if (indicators.Any(x => x.Label == label)) errors.Add($"indicators[{n}].label", $"第 {n + 1} 个指标：名称「{label}」重复。");
            if (i.MinValue is { } min && i.MaxValue is { } max && min > max) errors.Add($"indicators[{n}].maxValue", $"第 {n + 1} 个指标：上限小于下限。");
            indicators.Add(new ReportFormIndicator { IndicatorId = i.IndicatorId, Label = label, Unit = string.IsNullOrWhiteSpace(i.Unit) ? indicator.Unit : i.Unit.Trim(), MinValue = i.MinValue, MaxValue = i.MaxValue, IsCumulative = i.IsCumulative, SortOrder = n });
        }
        var taskIds = (input.TaskIds ?? []).Distinct().ToList();
        var foundTasks = await db.PlanTasks.Where(t => taskIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        foreach (var missing in taskIds.Except(foundTasks)) errors.Add("taskIds", $"任务 {missing} 不存在。");

        var resolver = await UnitResolverAsync(db, ct);
        var unitIds = new List<int>();
        foreach (var text in input.Units ?? [])
        {
            var unit = ResolveUnit(resolver, text);
            if (unit is null) errors.Add("units", $"无法识别单位「{text}」。");
            else if (!unitIds.Contains(unit.Id)) unitIds.Add(unit.Id);
        }
        if (errors.Any) return errors;

        form.Name = name;
        form.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        form.PeriodType = input.PeriodType;
        form.PlanId = input.PlanId;
        form.OpenDaysBeforeEnd = input.OpenDaysBeforeEnd;
        form.CloseDaysAfterEnd = input.CloseDaysAfterEnd;
        form.DeadlineDay = input.DeadlineDay ?? 10;
        form.DeadlineSkipsWeekends = input.DeadlineSkipsWeekends;
        form.LockAfterDays = input.LockAfterDays ?? 30;
        form.IsActive = input.IsActive ?? true;
        // Keep the rows whose identity is unchanged, so their ids (and the audit trail) survive an edit.
        SyncList(form.Indicators, indicators, x => x.IndicatorId, (old, @new) => { old.Label = @new.Label; old.Unit = @new.Unit; old.MinValue = @new.MinValue; old.MaxValue = @new.MaxValue; old.IsCumulative = @new.IsCumulative; old.SortOrder = @new.SortOrder; });
        SyncList(form.Tasks, taskIds.Select((t, n) => new ReportFormTask { PlanTaskId = t, SortOrder = n }).ToList(), x => x.PlanTaskId, (old, @new) => old.SortOrder = @new.SortOrder);
        SyncList(form.Assignments, unitIds.Select(u => new ReportFormAssignment { UnitId = u }).ToList(), x => x.UnitId, (_, _) => { });
        return errors;
    }

    private static void SyncList<T>(List<T> existing, List<T> wanted, Func<T, int> key, Action<T, T> update)
    {
        existing.RemoveAll(e => wanted.All(w => key(w) != key(e)));
        foreach (var w in wanted)
        {
            var old = existing.FirstOrDefault(e => key(e) == key(w));
            if (old is null) existing.Add(w); else update(old, w);
        }
    }

    public sealed record UnitLookup(List<Unit> Units, UnitResolver Resolver);

    public static async Task<UnitLookup> UnitResolverAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct);
        return new(units, new UnitResolver(units, await db.Regions.AsNoTracking().ToListAsync(ct)));
    }

    /// <summary>A unit by id or by any of its names and aliases.</summary>
    public static Unit? ResolveUnit(UnitLookup lookup, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), out var id)) return lookup.Units.FirstOrDefault(u => u.Id == id);
        return lookup.Resolver.Resolve(text.Trim());
    }

    private static async Task<IResult> CreateRule(int id, RuleInput input, AppDbContext db, CancellationToken ct)
    {
        var form = await db.Set<ReportForm>().Include(f => f.Indicators).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (form is null) return Problems.NotFound($"没有编号为 {id} 的报表。");
        var rule = new ValidationRule { FormId = id };
        var errors = ApplyRule(form, rule, input);
        if (errors.Any) return errors.ToProblem("校验规则有误");
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/forms/{id}/rules/{rule.Id}", RuleDto.From(rule));
    }

    private static async Task<IResult> UpdateRule(int id, int ruleId, RuleInput input, AppDbContext db, CancellationToken ct)
    {
        var form = await db.Set<ReportForm>().Include(f => f.Indicators).FirstOrDefaultAsync(f => f.Id == id, ct);
        var rule = await db.Set<ValidationRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.FormId == id, ct);
        if (form is null || rule is null) return Problems.NotFound($"报表 {id} 没有编号为 {ruleId} 的规则。");
        var errors = ApplyRule(form, rule, input);
        if (errors.Any) return errors.ToProblem("校验规则有误");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RuleDto.From(rule));
    }

    private static async Task<IResult> DeleteRule(int id, int ruleId, AppDbContext db, CancellationToken ct)
    {
        var rule = await db.Set<ValidationRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.FormId == id, ct);
        if (rule is null) return Problems.NotFound($"报表 {id} 没有编号为 {ruleId} 的规则。");
        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Parses both sides and checks every #{name} is one of the form's values.</summary>
    public static FieldErrors ApplyRule(ReportForm form, ValidationRule rule, RuleInput input)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 128) errors.Add("name", "规则名称必填，且不超过 128 字。");
        var op = ValidationEngine.ParseOperator(input.Operator);
        if (op is null) errors.Add("operator", "运算符应为 ==、!=、<、<=、>、>=、compulsory_pair 或 exclusive_pair。");
        var labels = form.Indicators.Select(i => i.Label).ToHashSet();
        foreach (var (field, text) in new[] { ("left", input.Left), ("right", input.Right) })
        {
            try
            {
                var expression = RuleExpression.Parse(text ?? "");
                foreach (var r in expression.References().Where(r => !labels.Contains(r.Name)))
                    errors.Add(field, $"#{{{r.Name}}} 不是报表「{form.Name}」中的指标。");
            }
            catch (RuleExpressionException e) { errors.Add(field, e.Message); }
        }
        if (string.IsNullOrWhiteSpace(input.Message)) errors.Add("message", "提示信息必填（显示在字段旁）。");
        if (input.Field is { Length: > 0 } f && !labels.Contains(f)) errors.Add("field", $"「{f}」不是报表中的指标。");
        if (!Enum.IsDefined(input.Importance)) errors.Add("importance", "重要性应为 Blocking、Warning 或 RequiresExplanation。");
        if (!Enum.IsDefined(input.MissingValues)) errors.Add("missingValues", "缺失值策略应为 SkipIfAnyMissing、SkipIfAllMissing 或 NeverSkip。");
        if (input.Tolerance is < 0 or > 1) errors.Add("tolerance", "相对容差应在 0 至 1 之间（0.01 = 1%）。");
        if (errors.Any) return errors;
        rule.Name = name;
        rule.Left = input.Left!.Trim();
        rule.Operator = op!.Value;
        rule.Right = input.Right!.Trim();
        rule.Tolerance = input.Tolerance;
        rule.Importance = input.Importance;
        rule.MissingValues = input.MissingValues;
        rule.Message = input.Message!.Trim();
        rule.Field = string.IsNullOrWhiteSpace(input.Field) ? null : input.Field.Trim();
        rule.IsActive = input.IsActive ?? true;
        return errors;
    }

    // ---------- submissions ----------

    private static async Task<IResult> ListSubmissions(string? unit, string? period, string? form, int? page, int? pageSize, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        var query = db.Set<Submission>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var resolved = ResolveUnit(await UnitResolverAsync(db, ct), unit);
            if (resolved is null) return Problems.BadRequest($"无法识别单位「{unit}」。");
            if (!UnitScope.CanAccessUnit(user, resolved.Id)) return Forbidden($"无权查看「{resolved.ShortName}」的报告。");
            query = query.Where(s => s.UnitId == resolved.Id);
        }
        else if (UnitScope.RestrictedUnitId(user) is { } own) query = query.Where(s => s.UnitId == own);
        if (!string.IsNullOrWhiteSpace(period))
        {
            var p = ReportingPeriod.TryParse(period);
            if (p is null) return Problems.BadRequest($"报送期「{period}」无效（如 2025Q3、2025M07、2025）。");
            query = query.Where(s => s.PeriodKey == p.Key);
        }
        if (!string.IsNullOrWhiteSpace(form))
        {
            var f = await FindFormAsync(db, form, ct);
            if (f is null) return Problems.BadRequest($"无法识别报表「{form}」。");
            query = query.Where(s => s.FormId == f.Id);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.Include(s => s.Form).Include(s => s.Unit).OrderByDescending(s => s.PeriodKey).ThenBy(s => s.FormId).ThenBy(s => s.UnitId)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(s => Summary(s)).ToList();
        return TypedResults.Ok(new PagedList<SubmissionSummaryDto>(items, total, paging.Page, paging.PageSize));
    }

    private static Task<ReportForm?> FindFormAsync(AppDbContext db, string text, CancellationToken ct) =>
        int.TryParse(text.Trim(), out var id)
            ? db.Set<ReportForm>().FirstOrDefaultAsync(f => f.Id == id, ct)
            : db.Set<ReportForm>().FirstOrDefaultAsync(f => f.Name == text.Trim(), ct);

    public static SubmissionSummaryDto Summary(Submission s, DateTimeOffset? now = null)
    {
        var calendar = new ReportingCalendar(CalendarRules.Of(s.Form!));
        var period = ReportingPeriod.TryParse(s.PeriodKey)!;
        var deadline = calendar.Deadline(period);
        return new SubmissionSummaryDto(s.Id, s.FormId, s.Form!.Name, s.UnitId, s.Unit?.ShortName ?? "", s.PeriodKey, s.Status, SubmissionService.StatusText(s.Status),
            s.CurrentVersion, s.SubmittedAt, deadline, s.SubmittedAt is { } at ? at <= deadline : null, s.ReturnReason, s.ReviewedAt, s.ReviewedBy,
            calendar.IsLocked(period, now ?? DateTimeOffset.UtcNow, s.UnlockedBy is not null) || (s.Status == SubmissionStatus.Accepted && s.UnlockedBy is null), s.IsSynthetic);
    }

    /// <summary>The submission when the user may read it; otherwise the 404 or 403 to answer.</summary>
    private static async Task<(Submission? Submission, IResult? Error)> ReadableAsync(AppDbContext db, int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Set<Submission>().Include(x => x.Form).Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return (null, Problems.NotFound($"没有编号为 {id} 的报告。"));
        if (!UnitScope.CanAccessUnit(user, s.UnitId)) return (null, Forbidden($"无权查看「{s.Unit?.ShortName}」的报告。"));
        return (s, null);
    }

    private static async Task<IResult> GetSubmission(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (s, error) = await ReadableAsync(db, id, user, ct);
        if (s is null) return error!;
        var version = await db.Set<SubmissionVersion>().AsNoTracking().Include(v => v.TaskReports).FirstOrDefaultAsync(v => v.SubmissionId == id && v.Number == s.CurrentVersion, ct);
        return TypedResults.Ok(new SubmissionDto(Summary(s), version is null ? null : VersionDto.From(version)));
    }

    private static async Task<IResult> ListVersions(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (s, error) = await ReadableAsync(db, id, user, ct);
        if (s is null) return error!;
        var versions = await db.Set<SubmissionVersion>().AsNoTracking().Where(v => v.SubmissionId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => new VersionSummaryDto(v.Number, v.Action, v.SavedBy, v.SavedAt, SubmissionService.ReadWarnings(v.WarningsJson).Count)).ToList());
    }

    private static async Task<IResult> GetVersion(int id, int number, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (s, error) = await ReadableAsync(db, id, user, ct);
        if (s is null) return error!;
        var version = await db.Set<SubmissionVersion>().AsNoTracking().Include(v => v.TaskReports).FirstOrDefaultAsync(v => v.SubmissionId == id && v.Number == number, ct);
        return version is null ? Problems.NotFound($"报告 {id} 没有第 {number} 版。") : TypedResults.Ok(VersionDto.From(version));
    }

    private static async Task<IResult> PostSubmission(SubmissionBody body, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var form = string.IsNullOrWhiteSpace(body.Form) ? null : await FindFormAsync(db, body.Form, ct);
        if (form is null) errors.Add("form", string.IsNullOrWhiteSpace(body.Form) ? "报表（form）必填。" : $"无法识别报表「{body.Form}」。");
        var unit = ResolveUnit(await UnitResolverAsync(db, ct), body.Unit);
        if (unit is null) errors.Add("unit", string.IsNullOrWhiteSpace(body.Unit) ? "单位（unit）必填。" : $"无法识别单位「{body.Unit}」。");
        if (string.IsNullOrWhiteSpace(body.Period)) errors.Add("period", "报送期（period）必填，如 2025Q3。");
        if (body.Version < 0) errors.Add("version", "版本号不能为负（新报告填 0）。");
        var action = body.Action?.Trim().ToLowerInvariant() ?? "save";
        if (action is not ("save" or "submit")) errors.Add("action", "action 应为 save（保存草稿）或 submit（提交）。");
        var tasks = new List<TaskReportInput>();
        foreach (var (t, n) in (body.Tasks ?? []).Select((t, n) => (t, n)))
        {
            var status = SubmissionService.ParseProgress(t.Status);
            if (status is null) errors.Add($"tasks[{n}].status", $"第 {n + 1} 项任务：状态应为 未启动、推进中、已完成 或 滞后。");
            else tasks.Add(new TaskReportInput(t.Task, status.Value, t.Percent, t.DoneThisPeriod, t.Problems, t.NextSteps));
        }
        if (errors.Any) return errors.ToProblem("报告内容有误");
        if (!UnitScope.CanWriteUnit(user, unit!.Id)) return Forbidden($"无权填报「{unit.ShortName}」的报告。");

        var request = new SubmissionRequest(form!.Id, unit.Id, body.Period!, body.Version, body.Values ?? [], tasks, action == "submit", body.Explanations);
        var outcome = await new SubmissionService(db).SaveAsync(request, Actor(user), DateTimeOffset.UtcNow, ct);
        return await ToResultAsync(db, outcome, ct);
    }

    public static async Task<IResult> ToResultAsync(AppDbContext db, SaveOutcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Form).Include(x => x.Unit).FirstAsync(x => x.Id == saved.Submission.Id, ct);
                return TypedResults.Ok(new SubmissionResultDto(Summary(s), saved.Version.Number, saved.Replayed, saved.Violations));
            case SaveOutcome.Stale stale:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "版本已过期",
                    detail: $"该报告的当前版本为第 {stale.CurrentVersion} 版，请基于第 {stale.CurrentVersion} 版重新填报（version = {stale.CurrentVersion}）。",
                    extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion });
            case SaveOutcome.Blocked blocked:
                var byField = blocked.Violations.Where(v => v.StopsSubmit).GroupBy(v => v.Field)
                    .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray());
                var problem = new HttpValidationProblemDetails(byField)
                {
                    Status = StatusCodes.Status422UnprocessableEntity, Title = "未通过校验规则，不能提交",
                    Detail = string.Join("；", blocked.Violations.Where(v => v.StopsSubmit).Select(v => $"{v.Field}：{v.Message}")),
                };
                problem.Extensions["violations"] = blocked.Violations;
                return TypedResults.Problem(problem);
            case SaveOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }, title: "报告内容有误");
            case SaveOutcome.Locked locked:
                return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "报告已锁定", detail: locked.Message);
            default:
                throw new InvalidOperationException(outcome.GetType().Name);
        }
    }

    private static async Task<IResult> Accept(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Set<Submission>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Problems.NotFound($"没有编号为 {id} 的报告。");
        var error = await new SubmissionService(db).AcceptAsync(s, Actor(user), DateTimeOffset.UtcNow, ct);
        return error is null ? await SummaryResultAsync(db, id, ct) : Problems.Conflict(error);
    }

    private static async Task<IResult> Return(int id, ReturnBody body, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Set<Submission>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Problems.NotFound($"没有编号为 {id} 的报告。");
        if (string.IsNullOrWhiteSpace(body.Reason)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["退回须填写原因。"] });
        var error = await new SubmissionService(db).ReturnAsync(s, body.Reason, Actor(user), DateTimeOffset.UtcNow, ct);
        return error is null ? await SummaryResultAsync(db, id, ct) : Problems.Conflict(error);
    }

    private static async Task<IResult> Unlock(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Set<Submission>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Problems.NotFound($"没有编号为 {id} 的报告。");
        await new SubmissionService(db).UnlockAsync(s, Actor(user), DateTimeOffset.UtcNow, ct);
        return await SummaryResultAsync(db, id, ct);
    }

    private static async Task<IResult> SummaryResultAsync(AppDbContext db, int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Form).Include(x => x.Unit).FirstAsync(x => x.Id == id, ct);
        return TypedResults.Ok(Summary(s));
    }

    private static async Task<IResult> UploadAttachment(int id, IFormFile? file, [FromForm] int? task, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Set<Submission>().Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Problems.NotFound($"没有编号为 {id} 的报告。");
        if (!UnitScope.CanWriteUnit(user, s.UnitId)) return Forbidden($"无权为「{s.Unit?.ShortName}」上传附件。");
        var (attachment, error) = await AttachmentStore.CreateAsync(file, s.Id, task, Actor(user), ct);
        if (attachment is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] });
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/submissions/{id}/attachments/{attachment.Id}", new { attachment.Id, attachment.FileName, attachment.Size, attachment.Sha256 });
    }

    private static async Task<IResult> ListAttachments(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (s, error) = await ReadableAsync(db, id, user, ct);
        if (s is null) return error!;
        return TypedResults.Ok(await db.Set<SubmissionAttachment>().AsNoTracking().Where(a => a.SubmissionId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.PlanTaskId, a.UploadedBy, a.UploadedAt }).ToListAsync(ct));
    }

    private static async Task<IResult> DownloadAttachment(int id, int attachmentId, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (s, error) = await ReadableAsync(db, id, user, ct);
        if (s is null) return error!;
        var a = await db.Set<SubmissionAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.SubmissionId == id, ct);
        return a is null ? Problems.NotFound($"报告 {id} 没有附件 {attachmentId}。") : TypedResults.File(a.Content, a.ContentType, a.FileName);
    }

    // ---------- completeness ----------

    private static async Task<(ReportForm? Form, ReportingPeriod? Period, IResult? Error)> FormPeriodAsync(AppDbContext db, string? form, string? period, ClaimsPrincipal user, CancellationToken ct)
    {
        if (UnitScope.RestrictedUnitId(user) is not null) return (null, null, Forbidden("报送情况仅供管理员和分析员查看。"));
        var errors = new FieldErrors();
        var f = string.IsNullOrWhiteSpace(form) ? null : await FindFormAsync(db, form, ct);
        if (f is null) errors.Add("form", string.IsNullOrWhiteSpace(form) ? "报表（form）必填。" : $"无法识别报表「{form}」。");
        ReportingPeriod? p = null;
        if (f is not null)
        {
            var calendar = new ReportingCalendar(CalendarRules.Of(f));
            p = string.IsNullOrWhiteSpace(period) ? calendar.Current(DateTimeOffset.UtcNow) : calendar.Parse(period);
            if (p is null) errors.Add("period", $"报送期「{period}」无效：该报表按{SubmissionService.PeriodText(f.PeriodType)}报送。");
        }
        return errors.Any ? (null, null, errors.ToProblem("查询条件有误")) : (f, p, null);
    }

    private static async Task<IResult> GetCompleteness(string? form, string? period, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, p, error) = await FormPeriodAsync(db, form, period, user, ct);
        if (error is not null) return error;
        return TypedResults.Ok(await ReportingQueries.CompletenessAsync(db, f!, p!, ct));
    }

    private static async Task<IResult> GetOverdue(string? form, string? period, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, p, error) = await FormPeriodAsync(db, form, period, user, ct);
        if (error is not null) return error;
        var completeness = await ReportingQueries.CompletenessAsync(db, f!, p!, ct);
        return TypedResults.Ok(new { form = f!.Name, period = p!.Key, deadline = completeness.Deadline, units = await ReportingQueries.OverdueAsync(db, completeness, ct) });
    }

    private static async Task<IResult> ExportOverdue(string? form, string? period, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, p, error) = await FormPeriodAsync(db, form, period, user, ct);
        if (error is not null) return error;
        var completeness = await ReportingQueries.CompletenessAsync(db, f!, p!, ct);
        var bytes = ReportingQueries.ReminderWorkbook(f!, p!, completeness.Deadline, await ReportingQueries.OverdueAsync(db, completeness, ct));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"催报名单-{p!.Key}.xlsx");
    }
}
