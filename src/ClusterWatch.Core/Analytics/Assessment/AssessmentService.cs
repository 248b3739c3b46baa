using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics.Assessment;

/// <summary>
/// Computes, stores, publishes and withdraws assessment results. A published period is frozen until it is withdrawn;
/// RefreshAsync recomputes the unpublished periods a data change touched.
/// </summary>
public sealed class AssessmentService(AppDbContext db, ProgressService progress, TimeProvider clock)
{
    public const string Method =
        "每项指标按 0–100 分计：目标/分解目标完成率 = 各项 min(完成率, 100%) 的平均；任务完成率 = (已完成 + 推进中 × 0.5) ÷ 牵头任务数；" +
        "报送及时率 = 按时报送期数 ÷ 应报期数；报送完整率 = 已报送期数 ÷ 应报期数；数据质量 = 一次受理且无校验警告的报告 ÷ 已提交报告。" +
        "总分 = Σ 指标得分 × 权重 ÷ 100；不适用的指标不计，其权重按比例分配给其余指标。区政府与区政府、市直部门与市直部门分别排名，同分同名次（1、1、3）。";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The period key if it fits the scheme ("2024" for a yearly scheme, "2025Q2" for a quarterly one).</summary>
    public static ReportingPeriod? ParsePeriod(PeriodType schemePeriod, string? key)
    {
        var period = ReportingPeriod.TryParse(key);
        return period is not null && period.Type == schemePeriod ? period : null;
    }

    public static string PeriodHint(PeriodType type) => type == PeriodType.Quarter ? "按季度考核，报送期形如 2025Q2" : "按年度考核，报送期形如 2024";

    public Task<AssessmentScheme?> LoadSchemeAsync(int id, CancellationToken ct) =>
        db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<bool> IsPublishedAsync(int schemeId, string periodKey, CancellationToken ct) =>
        db.Set<AssessmentPublication>().AnyAsync(p => p.SchemeId == schemeId && p.PeriodKey == periodKey && p.WithdrawnAt == null, ct);

    /// <summary>The periods with stored results, newest first, with their publication state.</summary>
    public async Task<List<AssessmentPeriodState>> PeriodsAsync(int schemeId, CancellationToken ct)
    {
        var computed = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == schemeId)
            .GroupBy(r => r.PeriodKey).Select(g => new { g.Key, Units = g.Count() }).ToListAsync(ct);
        var times = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == schemeId)
            .Select(r => new { r.PeriodKey, r.ComputedAt }).Distinct().ToListAsync(ct);
        var published = await db.Set<AssessmentPublication>().AsNoTracking().Where(p => p.SchemeId == schemeId && p.WithdrawnAt == null)
            .Select(p => new { p.PeriodKey, p.PublishedAt }).ToListAsync(ct);
        return computed.Select(c => new AssessmentPeriodState(c.Key, times.Where(t => t.PeriodKey == c.Key).Max(t => t.ComputedAt), c.Units,
                published.Any(p => p.PeriodKey == c.Key), published.Where(p => p.PeriodKey == c.Key).Select(p => (DateTimeOffset?)p.PublishedAt).FirstOrDefault()))
            .OrderByDescending(p => p.PeriodKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>Scores and ranks every unit for the period and replaces its stored results; refused (Conflict) while the period is published.</summary>
    public async Task<AssessmentOutcome> ComputeAsync(int schemeId, string periodKey, string? actor = null, CancellationToken ct = default)
    {
        var scheme = await LoadSchemeAsync(schemeId, ct);
        if (scheme is null) return new AssessmentOutcome.NotFound($"没有编号为 {schemeId} 的考核方案。");
        var period = ParsePeriod(scheme.PeriodType, periodKey);
        if (period is null) return new AssessmentOutcome.Invalid("period", $"考核期「{periodKey}」无效：{PeriodHint(scheme.PeriodType)}。");
        if (await IsPublishedAsync(schemeId, period.Key, ct))
            return new AssessmentOutcome.Conflict($"「{scheme.Name}」{period.Label}的结果已发布，不能重新计算；请先撤回发布。");
        if (await StoreAsync(scheme, period, actor ?? "system", ct) is null)
            return new AssessmentOutcome.Conflict($"「{scheme.Name}」{period.Label}的结果已发布，不能重新计算；请先撤回发布。");
        return new AssessmentOutcome.Done((await GetRankingAsync(schemeId, period.Key, ct))!);
    }

    /// <summary>Computes and replaces the period's results; null (nothing written) when the period got published meanwhile.</summary>
    private async Task<int?> StoreAsync(AssessmentScheme scheme, ReportingPeriod period, string actor, CancellationToken ct)
    {
        var weights = scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => new WeightedKind(i.Kind, i.Weight)).ToList();
        var inputs = await GatherAsync(scheme, period, ct);
        var scores = inputs.Select(u => AssessmentScorer.Score(u, weights)).OfType<UnitScore>().ToList();
        var previousKey = period.Previous().Key;
        var previous = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == scheme.Id && r.PeriodKey == previousKey)
            .ToDictionaryAsync(r => r.UnitId, r => (r.Score, r.Rank), ct);
        var ranked = AssessmentScorer.Rank(scores, previous);
        var now = clock.GetUtcNow().ToUniversalTime();
        // Computing takes a while: a publication made meanwhile (e.g. during a background refresh) must not be overwritten.
        if (await IsPublishedAsync(scheme.Id, period.Key, ct)) return null;

        var auditWas = db.AuditEnabled;
        db.AuditEnabled = false; // one summary entry instead of one per unit
        try
        {
            var old = await db.Set<AssessmentResult>().Where(r => r.SchemeId == scheme.Id && r.PeriodKey == period.Key).ToListAsync(ct);
            db.RemoveRange(old);
            db.AddRange(ranked.Select(r => new AssessmentResult
            {
                SchemeId = scheme.Id, PeriodKey = period.Key, UnitId = r.UnitId, PeerGroup = r.Group, Score = r.Score, Rank = r.Rank,
                PreviousScore = r.PreviousScore, PreviousRank = r.PreviousRank, Change = r.Change,
                BreakdownJson = JsonSerializer.Serialize(r.Breakdown, Json), ComputedAt = now,
            }));
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, User = actor, Action = "compute assessment", EntityType = nameof(AssessmentResult), EntityId = $"{scheme.Id}/{period.Key}",
                Before = old.Count == 0 ? null : JsonSerializer.Serialize(old.Select(r => new { r.UnitId, r.Score, r.Rank }), Json),
                After = JsonSerializer.Serialize(new { scheme = scheme.Name, period = period.Key, synthetic = scheme.IsSynthetic, units = ranked.Select(r => new { r.UnitId, r.Score, r.Rank }) }, Json),
            });
            await SaveAsync(ct);
        }
        finally
        {
            db.AuditEnabled = auditWas;
            db.ChangeTracker.Clear();
        }
        return ranked.Count;
    }

    public async Task<AssessmentOutcome> PublishAsync(int schemeId, string periodKey, string actor, CancellationToken ct = default)
    {
        var scheme = await LoadSchemeAsync(schemeId, ct);
        if (scheme is null) return new AssessmentOutcome.NotFound($"没有编号为 {schemeId} 的考核方案。");
        var period = ParsePeriod(scheme.PeriodType, periodKey);
        if (period is null) return new AssessmentOutcome.Invalid("period", $"考核期「{periodKey}」无效：{PeriodHint(scheme.PeriodType)}。");
        if (await IsPublishedAsync(schemeId, period.Key, ct)) return new AssessmentOutcome.Conflict($"「{scheme.Name}」{period.Label}的结果已经发布。");
        if (!await db.Set<AssessmentResult>().AnyAsync(r => r.SchemeId == schemeId && r.PeriodKey == period.Key, ct))
            return new AssessmentOutcome.Conflict($"「{scheme.Name}」{period.Label}尚未计算，不能发布；请先计算。");
        db.Add(new AssessmentPublication { SchemeId = schemeId, PeriodKey = period.Key, PublishedAt = clock.GetUtcNow().ToUniversalTime(), PublishedBy = Trim(actor) });
        await SaveAsync(ct);
        db.ChangeTracker.Clear();
        return new AssessmentOutcome.Done((await GetRankingAsync(schemeId, period.Key, ct))!);
    }

    public async Task<AssessmentOutcome> WithdrawAsync(int schemeId, string periodKey, string actor, CancellationToken ct = default)
    {
        var scheme = await LoadSchemeAsync(schemeId, ct);
        if (scheme is null) return new AssessmentOutcome.NotFound($"没有编号为 {schemeId} 的考核方案。");
        var period = ParsePeriod(scheme.PeriodType, periodKey);
        if (period is null) return new AssessmentOutcome.Invalid("period", $"考核期「{periodKey}」无效：{PeriodHint(scheme.PeriodType)}。");
        var publication = await db.Set<AssessmentPublication>().FirstOrDefaultAsync(p => p.SchemeId == schemeId && p.PeriodKey == period.Key && p.WithdrawnAt == null, ct);
        if (publication is null) return new AssessmentOutcome.Conflict($"「{scheme.Name}」{period.Label}的结果未发布，无需撤回。");
        publication.WithdrawnAt = clock.GetUtcNow().ToUniversalTime();
        publication.WithdrawnBy = Trim(actor);
        await SaveAsync(ct);
        db.ChangeTracker.Clear();
        var ranking = await GetRankingAsync(schemeId, period.Key, ct);
        return ranking is null ? new AssessmentOutcome.NotFound($"「{scheme.Name}」{period.Label}没有结果。") : new AssessmentOutcome.Done(ranking);
    }

    /// <summary>
    /// Recomputes the unpublished periods with results that the scope touches (its plans, years, or any unit, region or enterprise
    /// change in those years; all of them on a full refresh), and the period after each, whose change column depends on it.
    /// Returns the number of periods recomputed.
    /// </summary>
    public async Task<int> RefreshAsync(RefreshScope scope, CancellationToken ct)
    {
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).OrderBy(s => s.Id).ToListAsync(ct);
        var count = 0;
        foreach (var scheme in schemes)
        {
            var periods = (await PeriodsAsync(scheme.Id, ct)).Where(p => !p.Published)
                .Select(p => ParsePeriod(scheme.PeriodType, p.PeriodKey)).OfType<ReportingPeriod>()
                .OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            var touched = periods.Where(p => Touches(scope, scheme, p)).Select(p => p.Key).ToHashSet();
            foreach (var period in periods)
            {
                if (!touched.Contains(period.Key) && !touched.Contains(period.Previous().Key)) continue;
                touched.Add(period.Key);
                if (await StoreAsync(scheme, period, "refresh", ct) is not null) count++;
            }
        }
        return count;
    }

    private static bool Touches(RefreshScope scope, AssessmentScheme scheme, ReportingPeriod period)
    {
        if (scope.IsFull) return true;
        if (scheme.PlanId is { } planId && scope.PlanIds.Contains(planId)) return true;
        var anyData = scope.UnitIds.Count + scope.RegionIds.Count + scope.EnterpriseIds.Count + scope.Years.Count > 0;
        return anyData && (scope.Years.Count == 0 || scope.Years.Contains(period.Year));
    }

    /// <summary>The stored results of the period ranked per peer group (unit names as they are now), or null without results.</summary>
    public async Task<AssessmentRanking?> GetRankingAsync(int schemeId, string periodKey, CancellationToken ct)
    {
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).Include(s => s.Plan)
            .FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        var period = scheme is null ? null : ParsePeriod(scheme.PeriodType, periodKey);
        if (scheme is null || period is null) return null;
        var results = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == schemeId && r.PeriodKey == period.Key)
            .Select(r => new { r.UnitId, Name = r.Unit!.ShortName, r.PeerGroup, r.Score, r.Rank, r.PreviousScore, r.PreviousRank, r.Change, r.BreakdownJson, r.ComputedAt })
            .ToListAsync(ct);
        if (results.Count == 0) return null;
        var publication = await db.Set<AssessmentPublication>().AsNoTracking()
            .Where(p => p.SchemeId == schemeId && p.PeriodKey == period.Key && p.WithdrawnAt == null).FirstOrDefaultAsync(ct);
        var groups = results.GroupBy(r => r.PeerGroup).OrderBy(g => g.Key).Select(g => new RankingGroup(g.Key, AssessmentScorer.GroupName(g.Key),
            g.OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.UnitId)
                .Select(r => new RankedUnit(r.UnitId, r.Name, r.PeerGroup, r.Score, r.Rank, r.PreviousScore, r.PreviousRank, r.Change,
                    r.PreviousRank is { } before ? before - r.Rank : null,
                    JsonSerializer.Deserialize<List<IndicatorScore>>(r.BreakdownJson, Json) ?? []))
                .ToList())).ToList();
        var info = new RankingScheme(scheme.Id, scheme.Name, scheme.Description, scheme.PeriodType, scheme.IsSynthetic, scheme.PlanId, scheme.Plan?.Title,
            scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => new WeightedKind(i.Kind, i.Weight)).ToList());
        return new AssessmentRanking(info, period.Key, period.Label, period.Previous().Key, publication is not null, publication?.PublishedAt,
            results.Max(r => r.ComputedAt), Method, groups);
    }

    /// <summary>The ranking as an XLSX workbook: one row per unit, the indicators' points beside the total.</summary>
    public static byte[] RankingWorkbook(AssessmentRanking ranking)
    {
        var kinds = ranking.Scheme.Indicators.Select(i => i.Kind).ToList();
        var headers = new List<string> { "考核方案", "考核期", "分组", "名次", "单位", "总分", "上期得分", "分数变化", "上期名次", "名次变化" };
        headers.AddRange(kinds.Select(k => $"{AssessmentScorer.KindName(k)}（得分/折算分）"));
        headers.Add("说明");
        var label = ranking.Scheme.IsSynthetic ? "示例数据" : ranking.Published ? "已发布" : "未发布";
        var rows = ranking.Groups.SelectMany(g => g.Units.Select(u =>
        {
            var row = new List<object?> { ranking.Scheme.Name, ranking.Period, g.Label, u.Rank, u.UnitName, u.Score, u.PreviousScore, u.Change, u.PreviousRank, u.RankChange };
            foreach (var k in kinds)
            {
                var item = u.Breakdown.FirstOrDefault(b => b.Kind == k);
                row.Add(item is null || !item.Applicable ? "不适用" : $"{AssessmentScorer.Format(item.Score ?? 0)} / {AssessmentScorer.Format(item.Points)}");
            }
            row.Add(label);
            return (IReadOnlyList<object?>)row;
        })).ToList();
        var method = new[] { (IReadOnlyList<object?>)new object?[] { Method } };
        return XlsxWriter.ToBytes([new XlsxSheet("排名", headers, rows), new XlsxSheet("计分方法", ["方法"], method)]);
    }

    /// <summary>
    /// SaveChanges, retried a few times when SQLite reports its single write lock taken (the background analytics refresh may be
    /// writing at the same moment); other errors and other providers fail at once.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 8 && ex.GetBaseException() is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                await Task.Delay(150 * attempt, ct);
            }
        }
    }

    private static string Trim(string actor) => actor.Length > 64 ? actor[..64] : actor;

    // ---------- inputs ----------

    private sealed record UnitRow(int Id, string ShortName, UnitKind Kind, int? RegionId, int? ValidFromYear, int? ValidToYear, int? SuccessorId);

    /// <summary>
    /// Each ranked-kind unit valid in the period with what it did: its region's targets and allocations of the scheme's plan
    /// (departments get the city targets only when they lead a task of the plan), the plan tasks it leads with their latest reported
    /// status (else the status recorded on the task), and its expected reports of the period whose deadline has passed. A synthetic
    /// scheme reads everything; a real one never reads synthetic actuals or reports.
    /// </summary>
    public async Task<List<UnitInputs>> GatherAsync(AssessmentScheme scheme, ReportingPeriod period, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new UnitRow(u.Id, u.ShortName, u.Kind, u.RegionId, u.ValidFromYear, u.ValidToYear, u.SuccessorId)).ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        int Effective(int unitId)
        {
            // A renamed unit's work counts for the unit that took over.
            for (var hops = 0; hops < 10 && byId.TryGetValue(unitId, out var u) && u.ValidToYear < period.Year && u.SuccessorId is { } next; hops++) unitId = next;
            return unitId;
        }
        var regionNodes = await db.Regions.AsNoTracking()
            .Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync(ct);
        var regions = new RegionScopes(regionNodes);
        var seriesByCodeName = regionNodes.GroupBy(r => (r.Code, r.Name)).ToDictionary(g => g.Key, g => regions.SeriesCodeOf(g.First().Id));

        var targets = new Dictionary<int, List<CompletionItem>>();
        var allocations = new Dictionary<int, List<CompletionItem>>();
        var tasks = new Dictionary<int, List<TaskItem>>();
        var leadUnits = new HashSet<int>();
        if (scheme.PlanId is { } planId)
        {
            var planTasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId)
                .Select(t => new { t.Id, t.Number, t.Title, t.Status, Leads = t.Assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitId).ToList() })
                .ToListAsync(ct);
            var reported = await LatestTaskStatusesAsync(planId, period, scheme.IsSynthetic, ct);
            foreach (var t in planTasks)
                foreach (var lead in t.Leads.Select(Effective).Distinct())
                {
                    leadUnits.Add(lead);
                    var status = reported.TryGetValue((lead, t.Id), out var s) ? s : t.Status;
                    Add(tasks, lead, new TaskItem($"{t.Number} {t.Title}".Trim(), status));
                }

            var plan = await progress.GetAsync(planId, period.Year, ct);
            foreach (var t in plan?.Targets ?? [])
            {
                var series = seriesByCodeName.GetValueOrDefault((t.RegionCode, t.Region), t.RegionCode);
                var percent = scheme.IsSynthetic || !t.ActualIsSynthetic ? t.PercentOfTarget : null;
                foreach (var u in units.Where(u => u.RegionId is { } r && regions.SeriesCodeOf(r) == series))
                    Add(targets, u.Id, new CompletionItem($"{t.Indicator}（{t.Year}年）", percent));
            }
            foreach (var a in plan?.Allocations ?? [])
            {
                var percent = scheme.IsSynthetic || !a.ActualIsSynthetic ? a.PercentOfTarget : null;
                foreach (var u in units.Where(u => u.Kind == UnitKind.DistrictGovernment && u.RegionId is { } r && regions.SeriesCodeOf(r) == a.SeriesCode))
                    Add(allocations, u.Id, new CompletionItem($"{a.Indicator}（{a.Year}年）", percent));
            }
        }
        var reports = await ReportsAsync(scheme, period, Effective, ct);

        var result = new List<UnitInputs>();
        foreach (var u in units.OrderBy(u => u.Id))
        {
            if (AssessmentScorer.PeerGroupOf(u.Kind) is not { } group) continue;
            if (u.ValidFromYear > period.Year || u.ValidToYear < period.Year) continue;
            // Departments answer for the city's targets only through the tasks they lead.
            var unitTargets = u.Kind == UnitKind.Department && !leadUnits.Contains(u.Id) ? [] : targets.GetValueOrDefault(u.Id) ?? [];
            var inputs = new UnitInputs(u.Id, u.ShortName, group, unitTargets, allocations.GetValueOrDefault(u.Id) ?? [],
                tasks.GetValueOrDefault(u.Id) ?? [], reports.GetValueOrDefault(u.Id) ?? []);
            if (inputs.Targets.Count + inputs.Allocations.Count + inputs.Tasks.Count + inputs.Reports.Count > 0) result.Add(inputs);
        }
        return result;
    }

    private static void Add<T>(Dictionary<int, List<T>> map, int key, T item)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(item);
    }

    /// <summary>(unit, task) → the status in the unit's latest submitted or accepted report of a period ending by the period's end.</summary>
    private async Task<Dictionary<(int Unit, int Task), PlanTaskStatus>> LatestTaskStatusesAsync(int planId, ReportingPeriod period, bool synthetic, CancellationToken ct)
    {
        var rows = await db.Set<TaskReport>().AsNoTracking()
            .Where(t => t.PlanTask!.PlanId == planId && t.Version!.Number == t.Version.Submission!.CurrentVersion
                        && (t.Version.Submission.Status == SubmissionStatus.Submitted || t.Version.Submission.Status == SubmissionStatus.Accepted)
                        && (synthetic || !t.Version.Submission.IsSynthetic))
            .Select(t => new { t.Version!.Submission!.UnitId, t.Version.Submission.PeriodKey, t.PlanTaskId, t.Status })
            .ToListAsync(ct);
        return rows.Select(r => (r, Period: ReportingPeriod.TryParse(r.PeriodKey)))
            .Where(x => x.Period is not null && x.Period.End <= period.End)
            .GroupBy(x => (x.r.UnitId, x.r.PlanTaskId))
            .ToDictionary(g => g.Key, g => (PlanTaskStatus)(int)g.MaxBy(x => x.Period!.End)!.r.Status);
    }

    /// <summary>Per unit: every expected report of an active form (the scheme's plan or none) for the form's periods ending in the period, once due.</summary>
    private async Task<Dictionary<int, List<ReportItem>>> ReportsAsync(AssessmentScheme scheme, ReportingPeriod period, Func<int, int> effective, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var forms = await db.Set<ReportForm>().AsNoTracking().Include(f => f.Assignments)
            .Where(f => f.IsActive && (scheme.IsSynthetic || !f.IsSynthetic) && (f.PlanId == null || scheme.PlanId == null || f.PlanId == scheme.PlanId))
            .OrderBy(f => f.Id).ToListAsync(ct);
        var result = new Dictionary<int, List<ReportItem>>();
        foreach (var form in forms)
        {
            var calendar = new ReportingCalendar(CalendarRules.Of(form));
            var formPeriods = new List<ReportingPeriod>();
            for (var p = ReportingPeriod.Containing(form.PeriodType, period.Start); p.End <= period.End; p = p.Next())
                if (p.End >= period.Start && calendar.Deadline(p) <= now) formPeriods.Add(p);
            if (formPeriods.Count == 0) continue;
            var keys = formPeriods.Select(p => p.Key).ToList();
            var submissions = await db.Set<Submission>().AsNoTracking()
                .Where(s => s.FormId == form.Id && keys.Contains(s.PeriodKey) && (scheme.IsSynthetic || !s.IsSynthetic))
                .Select(s => new { s.Id, s.UnitId, s.PeriodKey, s.Status, s.SubmittedAt, s.CurrentVersion }).ToListAsync(ct);
            var versions = await db.Set<SubmissionVersion>().AsNoTracking()
                .Where(v => v.Submission!.FormId == form.Id && keys.Contains(v.Submission.PeriodKey))
                .Select(v => new { v.SubmissionId, v.Number, v.Action, v.WarningsJson }).ToListAsync(ct);
            var submits = versions.Where(v => v.Action == "submit").GroupBy(v => v.SubmissionId).ToDictionary(g => g.Key, g => g.Count());
            var currentWarnings = versions.ToDictionary(v => (v.SubmissionId, v.Number), v => HasWarnings(v.WarningsJson));
            var expected = form.Assignments.Select(a => new ExpectedUnit(a.UnitId, "")).ToList();
            foreach (var p in formPeriods)
            {
                var of = submissions.Where(s => s.PeriodKey == p.Key).ToList();
                var completeness = CompletenessCalculator.Calculate(calendar, p, expected, of.Select(s => new UnitSubmission(s.UnitId, s.Status, s.SubmittedAt, s.Id)));
                foreach (var u in completeness.Units)
                {
                    var s = of.FirstOrDefault(x => x.UnitId == u.UnitId);
                    var returned = s is not null && (s.Status == SubmissionStatus.Returned || submits.GetValueOrDefault(s.Id) > 1);
                    var warnings = s is not null && currentWarnings.GetValueOrDefault((s.Id, s.CurrentVersion));
                    Add(result, effective(u.UnitId), new ReportItem(form.Name, p.Key, u.State, s?.Status == SubmissionStatus.Accepted, returned, warnings));
                }
            }
        }
        return result;
    }

    private static bool HasWarnings(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0;
        }
        catch (JsonException) { return false; }
    }
}
