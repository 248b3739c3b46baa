using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Reporting;

public sealed record TaskReportInput(int PlanTaskId, TaskProgress Status, int Percent, string? DoneThisPeriod = null, string? Problems = null, string? NextSteps = null);

/// <summary>A save or submit: the version the client last saw (0 for a new report), values and explanations by label, indicator name or indicator id.</summary>
public sealed record SubmissionRequest(int FormId, int UnitId, string Period, int Version, IReadOnlyDictionary<string, decimal?> Values,
    IReadOnlyList<TaskReportInput> Tasks, bool Submit, IReadOnlyDictionary<string, string?>? Explanations = null);

public abstract record SaveOutcome
{
    public sealed record Saved(Submission Submission, SubmissionVersion Version, IReadOnlyList<RuleViolation> Violations, bool Replayed) : SaveOutcome;
    public sealed record Stale(int CurrentVersion) : SaveOutcome;
    public sealed record Blocked(IReadOnlyList<RuleViolation> Violations) : SaveOutcome;
    public sealed record Invalid(string Field, string Message) : SaveOutcome;
    public sealed record Locked(string Message) : SaveOutcome;
}

/// <summary>Saves, submits, accepts, returns and unlocks reports; every save is a new immutable version.</summary>
public sealed class SubmissionService(AppDbContext db)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Task<ReportForm?> LoadFormAsync(int formId, CancellationToken ct) =>
        db.Set<ReportForm>().Include(f => f.Indicators.OrderBy(i => i.SortOrder)).ThenInclude(i => i.Indicator)
            .Include(f => f.Tasks.OrderBy(t => t.SortOrder)).ThenInclude(t => t.PlanTask!).ThenInclude(t => t.Assignments)
            .Include(f => f.Assignments).Include(f => f.Rules)
            .AsSplitQuery().FirstOrDefaultAsync(f => f.Id == formId, ct);

    /// <summary>The form's tasks this unit reports: those the plan assigns to it, or all of the form's when none is.</summary>
    public static List<PlanTask> TasksFor(ReportForm form, int unitId)
    {
        var all = form.Tasks.OrderBy(t => t.SortOrder).Select(t => t.PlanTask!).ToList();
        var own = all.Where(t => t.Assignments.Any(a => a.UnitId == unitId)).ToList();
        return own.Count > 0 ? own : all;
    }

    public static Dictionary<string, decimal> ReadValues(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Json) ?? [];

    public static List<RuleViolation> ReadWarnings(string json) =>
        JsonSerializer.Deserialize<List<RuleViolation>>(json, Json) ?? [];

    public async Task<SaveOutcome> SaveAsync(SubmissionRequest request, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime(); // PostgreSQL stores UTC only
        var form = await LoadFormAsync(request.FormId, ct);
        if (form is null) return new SaveOutcome.Invalid("form", $"报表 {request.FormId} 不存在");
        var calendar = new ReportingCalendar(CalendarRules.Of(form));
        var period = calendar.Parse(request.Period);
        if (period is null) return new SaveOutcome.Invalid("period", $"报送期「{request.Period}」无效：该报表按{PeriodText(form.PeriodType)}报送（如 {ReportingPeriod.Containing(form.PeriodType, new DateOnly(2025, 7, 1)).Key}）");
        if (form.Assignments.All(a => a.UnitId != request.UnitId)) return new SaveOutcome.Invalid("unit", "该单位不在本报表的报送单位中");
        if (!form.IsActive) return new SaveOutcome.Invalid("form", $"报表「{form.Name}」已停用");

        // Values by label; keys may be the label, the indicator's name or its id.
        var values = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Values)
        {
            var field = form.Indicators.FirstOrDefault(i => i.Label == key.Trim() || i.Indicator?.Name == key.Trim() || i.IndicatorId.ToString(CultureInfo.InvariantCulture) == key.Trim());
            if (field is null) return new SaveOutcome.Invalid(key, $"指标「{key}」不在报表「{form.Name}」中");
            if (value is { } v) values[field.Label] = v;
        }
        var explanations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in request.Explanations ?? new Dictionary<string, string?>())
        {
            var field = form.Indicators.FirstOrDefault(i => i.Label == key.Trim() || i.Indicator?.Name == key.Trim() || i.IndicatorId.ToString(CultureInfo.InvariantCulture) == key.Trim());
            if (field is null) return new SaveOutcome.Invalid($"explanations.{key}", $"变动说明对应的指标「{key}」不在报表「{form.Name}」中");
            if (Trim(text, 2000) is { } t) explanations[field.Label] = t;
        }
        var tasks = TasksFor(form, request.UnitId);
        var taskInputs = new List<TaskReportInput>();
        foreach (var t in request.Tasks)
        {
            if (tasks.All(x => x.Id != t.PlanTaskId)) return new SaveOutcome.Invalid($"task:{t.PlanTaskId}", $"任务 {t.PlanTaskId} 不由本单位在此报表中报送");
            if (taskInputs.Any(x => x.PlanTaskId == t.PlanTaskId)) return new SaveOutcome.Invalid($"task:{t.PlanTaskId}", $"任务 {t.PlanTaskId} 重复填报");
            taskInputs.Add(t with { DoneThisPeriod = Trim(t.DoneThisPeriod, 2000), Problems = Trim(t.Problems, 2000), NextSteps = Trim(t.NextSteps, 2000) });
        }
        taskInputs.Sort((a, b) => a.PlanTaskId.CompareTo(b.PlanTaskId));
        var hash = Hash(values, taskInputs, request.Submit, explanations);

        var submission = await db.Set<Submission>().FirstOrDefaultAsync(s => s.FormId == form.Id && s.UnitId == request.UnitId && s.PeriodKey == period.Key, ct);
        if (submission is not null)
        {
            // The same post again (same base version, same body): answer with what it produced the first time.
            var earlier = await db.Set<SubmissionVersion>().Include(v => v.TaskReports)
                .FirstOrDefaultAsync(v => v.SubmissionId == submission.Id && v.Number == request.Version + 1, ct);
            if (earlier is not null && earlier.RequestHash == hash)
                return new SaveOutcome.Saved(submission, earlier, ReadWarnings(earlier.WarningsJson), Replayed: true);
        }
        var current = submission?.CurrentVersion ?? 0;
        if (request.Version != current) return new SaveOutcome.Stale(current);

        var unlocked = submission?.UnlockedBy is not null;
        if (!unlocked)
        {
            if (submission?.Status == SubmissionStatus.Accepted) return new SaveOutcome.Locked("该报告已受理，修改需管理员解锁");
            if (now < calendar.Opens(period)) return new SaveOutcome.Locked($"{period.Label}的填报将于 {Local(calendar.Opens(period))} 开放");
            if (calendar.Closes(period) is { } closes && now > closes) return new SaveOutcome.Locked($"{period.Label}的填报已于 {Local(closes)} 关闭，修改需管理员解锁");
            if (calendar.IsLocked(period, now, false)) return new SaveOutcome.Locked($"{period.Label}的报告已于 {Local(calendar.LocksAt(period))} 锁定，修改需管理员解锁");
        }

        var violations = Explain(await ValidateAsync(form, request.UnitId, period, values, taskInputs, tasks, ct), explanations);
        if (request.Submit && violations.Any(v => v.StopsSubmit))
            return new SaveOutcome.Blocked(violations);

        if (submission is null)
        {
            submission = new Submission { FormId = form.Id, UnitId = request.UnitId, PeriodKey = period.Key, Status = SubmissionStatus.Draft, CreatedAt = now, IsSynthetic = false };
            db.Add(submission);
        }
        var version = new SubmissionVersion
        {
            Submission = submission, Number = current + 1, Action = request.Submit ? "submit" : "save", SavedBy = actor, SavedAt = now,
            ValuesJson = JsonSerializer.Serialize(values, Json), WarningsJson = JsonSerializer.Serialize(violations, Json), RequestHash = hash,
            TaskReports = taskInputs.Select(t => new TaskReport
            {
                PlanTaskId = t.PlanTaskId, Status = t.Status, Percent = t.Percent, DoneThisPeriod = t.DoneThisPeriod, Problems = t.Problems, NextSteps = t.NextSteps,
            }).ToList(),
        };
        db.Add(version);
        submission.CurrentVersion = version.Number;
        if (request.Submit)
        {
            submission.Status = SubmissionStatus.Submitted;
            submission.SubmittedAt = now;
            submission.SubmittedBy = actor;
            submission.UnlockedAt = null;
            submission.UnlockedBy = null;
        }
        else if (submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted)
        {
            submission.Status = SubmissionStatus.Draft; // an edited report has to be submitted again
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same base version won the race.
            db.ChangeTracker.Clear();
            var latest = await db.Set<Submission>().AsNoTracking().Where(s => s.FormId == form.Id && s.UnitId == request.UnitId && s.PeriodKey == period.Key)
                .Select(s => (int?)s.CurrentVersion).FirstOrDefaultAsync(ct);
            return new SaveOutcome.Stale(latest ?? 0);
        }
        return new SaveOutcome.Saved(submission, version, violations, Replayed: false);
    }

    /// <summary>The form's ranges and rules with the unit's previous period, the city's report and the districts' reports of the same period.</summary>
    public async Task<List<RuleViolation>> ValidateAsync(ReportForm form, int unitId, ReportingPeriod period, IReadOnlyDictionary<string, decimal> values,
        IReadOnlyList<TaskReportInput> taskInputs, IReadOnlyList<PlanTask> tasks, CancellationToken ct)
    {
        var previousPeriod = period.Previous();
        var previous = await LatestVersionAsync(form.Id, unitId, previousPeriod.Key, ct);
        var previousPercents = previous?.TaskReports.ToDictionary(t => t.PlanTaskId, t => t.Percent) ?? [];

        IReadOnlyDictionary<string, decimal>? city = null;
        var districts = new List<IReadOnlyDictionary<string, decimal>>();
        if (form.Rules.Any(r => r.Left.Contains('@') || r.Right.Contains('@') || r.Left.Contains("district:") || r.Right.Contains("district:")))
        {
            var regionId = await db.Units.Where(u => u.Id == unitId).Select(u => u.RegionId).FirstOrDefaultAsync(ct);
            var parentId = regionId is null ? null : await db.Regions.Where(r => r.Id == regionId).Select(r => r.ParentId).FirstOrDefaultAsync(ct);
            var others = await db.Set<Submission>().AsNoTracking().Where(s => s.FormId == form.Id && s.PeriodKey == period.Key && s.UnitId != unitId)
                .Select(s => new { s.Id, s.CurrentVersion, s.Unit!.RegionId, ParentId = s.Unit.Region!.ParentId }).ToListAsync(ct);
            foreach (var o in others)
            {
                var json = await db.Set<SubmissionVersion>().Where(v => v.SubmissionId == o.Id && v.Number == o.CurrentVersion).Select(v => v.ValuesJson).FirstOrDefaultAsync(ct);
                if (json is null) continue;
                if (parentId is not null && o.RegionId == parentId) city = ReadValues(json);
                if (regionId is not null && o.ParentId == regionId) districts.Add(ReadValues(json));
            }
        }
        var ruleValues = new RuleValues(values, previous is null ? null : ReadValues(previous.ValuesJson), previousPeriod.Year == period.Year, city, districts);
        var fields = form.Indicators.Select(i => new FieldSpec(i.Label, i.Unit, i.MinValue, i.MaxValue));
        var lines = taskInputs.Select(t => new TaskLine(t.PlanTaskId, tasks.FirstOrDefault(x => x.Id == t.PlanTaskId)?.Title ?? t.PlanTaskId.ToString(CultureInfo.InvariantCulture),
            t.Status, t.Percent, t.Problems, previousPercents.TryGetValue(t.PlanTaskId, out var p) ? p : null));
        return ValidationEngine.Validate(fields, form.Rules, ruleValues, lines);
    }

    /// <summary>Attaches the unit's explanation to each violation needing one; one still missing says so, naming the field.</summary>
    public static List<RuleViolation> Explain(IEnumerable<RuleViolation> violations, IReadOnlyDictionary<string, string> explanations) =>
        violations.Select(v => v.Importance != RuleImportance.RequiresExplanation ? v
            : explanations.TryGetValue(v.Field, out var text) ? v with { Explanation = text }
            : v with { Message = $"{v.Message}（提交前须填写「{v.Field}」的变动说明）" }).ToList();

    /// <summary>{field: explanation} of a version, read from its stored violations.</summary>
    public static Dictionary<string, string> ReadExplanations(string warningsJson) =>
        ReadWarnings(warningsJson).Where(v => v.Explanation is not null).GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.First().Explanation!);

    public Task<SubmissionVersion?> LatestVersionAsync(int formId, int unitId, string periodKey, CancellationToken ct) =>
        db.Set<SubmissionVersion>().AsNoTracking().Include(v => v.TaskReports)
            .Where(v => v.Submission!.FormId == formId && v.Submission.UnitId == unitId && v.Submission.PeriodKey == periodKey)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>Accepts a submitted report and writes its values as the unit region's actuals (Source = Submission).</summary>
    public async Task<string?> AcceptAsync(Submission submission, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        if (submission.Status != SubmissionStatus.Submitted) return $"只有已提交的报告可以受理（当前：{StatusText(submission.Status)}）";
        submission.Status = SubmissionStatus.Accepted;
        submission.ReviewedAt = now;
        submission.ReviewedBy = actor;
        submission.ReturnReason = null;
        await db.SaveChangesAsync(ct);
        await WriteActualsAsync(submission, ct);
        return null;
    }

    public async Task<string?> ReturnAsync(Submission submission, string reason, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        if (string.IsNullOrWhiteSpace(reason)) return "退回须填写原因";
        if (submission.Status != SubmissionStatus.Submitted) return $"只有已提交的报告可以退回（当前：{StatusText(submission.Status)}）";
        submission.Status = SubmissionStatus.Returned;
        submission.ReviewedAt = now;
        submission.ReviewedBy = actor;
        submission.ReturnReason = Trim(reason, 500);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Lets the unit edit a locked, closed or accepted report until its next submit.</summary>
    public async Task UnlockAsync(Submission submission, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        submission.UnlockedAt = now;
        submission.UnlockedBy = actor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Upserts IndicatorValues (Source = Submission) for the unit's region: the period's quarter, and the year as the latest
    /// accepted period's value (year-to-date indicators) or the sum of the accepted periods (per-period ones).
    /// </summary>
    public async Task WriteActualsAsync(Submission submission, CancellationToken ct)
    {
        var regionId = await db.Units.Where(u => u.Id == submission.UnitId).Select(u => u.RegionId).FirstOrDefaultAsync(ct);
        var form = await db.Set<ReportForm>().Include(f => f.Indicators).FirstAsync(f => f.Id == submission.FormId, ct);
        var period = ReportingPeriod.TryParse(submission.PeriodKey);
        if (regionId is null || period is null || form.Indicators.Count == 0) return;

        var yearKeys = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.FormId == submission.FormId && s.UnitId == submission.UnitId && s.Status == SubmissionStatus.Accepted && s.PeriodKey.StartsWith(period.Year.ToString(CultureInfo.InvariantCulture)))
            .Select(s => new { s.Id, s.PeriodKey, s.CurrentVersion, s.IsSynthetic }).ToListAsync(ct);
        var accepted = new List<(ReportingPeriod Period, Dictionary<string, decimal> Values, bool Synthetic)>();
        foreach (var s in yearKeys)
        {
            var json = await db.Set<SubmissionVersion>().Where(v => v.SubmissionId == s.Id && v.Number == s.CurrentVersion).Select(v => v.ValuesJson).FirstAsync(ct);
            if (ReportingPeriod.TryParse(s.PeriodKey) is { } p) accepted.Add((p, ReadValues(json), s.IsSynthetic));
        }
        accepted.Sort((a, b) => string.CompareOrdinal(a.Period.Key, b.Period.Key));
        var own = accepted.FirstOrDefault(a => a.Period == period);
        if (own.Values is null) return;

        foreach (var field in form.Indicators)
        {
            if (period.Type == PeriodType.Quarter && own.Values.TryGetValue(field.Label, out var quarterValue))
                await UpsertAsync(field.IndicatorId, regionId.Value, period.Year, period.Index, quarterValue, own.Synthetic, $"信息报送 {period.Key}", ct);
            var withValue = accepted.Where(a => a.Values.ContainsKey(field.Label)).ToList();
            if (withValue.Count == 0) continue;
            var yearValue = field.IsCumulative ? withValue[^1].Values[field.Label] : withValue.Sum(a => a.Values[field.Label]);
            var note = field.IsCumulative ? $"信息报送 截至 {withValue[^1].Period.Key} 累计" : $"信息报送 {string.Join("+", withValue.Select(a => a.Period.Key))} 合计";
            await UpsertAsync(field.IndicatorId, regionId.Value, period.Year, 0, yearValue, withValue.Any(a => a.Synthetic), note, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task UpsertAsync(int indicatorId, int regionId, int year, int quarter, decimal value, bool synthetic, string note, CancellationToken ct)
    {
        var row = await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorId == indicatorId && v.RegionId == regionId && v.Year == year && v.Quarter == quarter && v.Source == ValueSource.Submission, ct);
        if (row is null) db.IndicatorValues.Add(row = new IndicatorValue { IndicatorId = indicatorId, RegionId = regionId, Year = year, Quarter = quarter, Source = ValueSource.Submission });
        row.Value = value;
        row.IsSynthetic = synthetic;
        row.Note = synthetic ? $"示例数据：{note}" : note;
    }

    public static string StatusText(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Draft => "草稿", SubmissionStatus.Submitted => "已提交", SubmissionStatus.Accepted => "已受理", _ => "已退回",
    };

    public static string ProgressText(TaskProgress p) => p switch
    {
        TaskProgress.NotStarted => "未启动", TaskProgress.InProgress => "推进中", TaskProgress.Done => "已完成", _ => "滞后",
    };

    public static TaskProgress? ParseProgress(string? text) => text?.Trim() switch
    {
        "未启动" => TaskProgress.NotStarted, "推进中" => TaskProgress.InProgress, "已完成" => TaskProgress.Done, "滞后" => TaskProgress.Lagging,
        _ => Enum.TryParse<TaskProgress>(text, true, out var p) && Enum.IsDefined(p) ? p : null,
    };

    public static string PeriodText(PeriodType t) => t switch { PeriodType.Month => "月", PeriodType.Quarter => "季", _ => "年" };

    public static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ReportingCalendar.China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Trim(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    private static string Hash(SortedDictionary<string, decimal> values, List<TaskReportInput> tasks, bool submit, SortedDictionary<string, string> explanations)
    {
        var valueList = values.Select(kv => new[] { kv.Key, kv.Value.ToString("0.############", CultureInfo.InvariantCulture) });
        // Without explanations the canonical form is unchanged, so hashes of earlier versions still match a repeated post.
        var canonical = explanations.Count == 0
            ? JsonSerializer.Serialize(new { values = valueList, tasks, submit }, Json)
            : JsonSerializer.Serialize(new { values = valueList, tasks, submit, explanations }, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }
}
