using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Core.Analytics.Warnings;

/// <summary>What a refresh did: warnings raised (new), updated (sentence or severity changed), resolved, reopened, and open afterwards.</summary>
public sealed record WarningRefreshResult(int Raised, int Updated, int Resolved, int Reopened, int Open)
{
    public override string ToString() => $"新提出 {Raised}，更新 {Updated}，解除 {Resolved}，重新提出 {Reopened}，未解除 {Open}";
}

/// <summary>Recomputes the warnings from the data and keeps them, by Key, with their history; acknowledges and resolves them by hand.</summary>
public sealed class WarningService(AppDbContext db, ProgressService progress, IOptions<WarningOptions> options, TimeProvider clock)
{
    public const string SystemUser = "system";
    public const string ConditionClearedNote = "条件已解除";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WarningRules _rules = new(options.Value);

    /// <summary>One refresh at a time in this process: two at once would both insert a new key.</summary>
    private static readonly SemaphoreSlim RefreshGate = new(1, 1);

    public async Task<WarningRefreshResult> RefreshAsync(RefreshScope scope, CancellationToken ct)
    {
        await RefreshGate.WaitAsync(ct);
        try { return await RefreshUnguardedAsync(scope, ct); }
        finally { RefreshGate.Release(); }
    }

    private async Task<WarningRefreshResult> RefreshUnguardedAsync(RefreshScope scope, CancellationToken ct)
    {
        scope = await WithEnterpriseRegionsAsync(scope, ct);
        var now = clock.GetUtcNow();
        var regions = await RegionTree.LoadAsync(db, ct);
        var candidates = (await CollectAsync(scope, now, regions, ct)).Where(c => Covers(scope, regions, c.Kind, c.PlanId, c.RegionId, c.UnitId, c.EnterpriseId))
            .GroupBy(c => c.Key).Select(g => g.First()).ToDictionary(c => c.Key);

        var stored = (await db.Set<Warning>().ToListAsync(ct))
            .Where(w => Covers(scope, regions, w.Kind, w.PlanId, w.RegionId, w.UnitId, w.EnterpriseId)).ToList();
        var storedByKey = stored.ToDictionary(w => w.Key);
        int raised = 0, updated = 0, resolved = 0, reopened = 0;
        var unchanged = new List<int>();

        foreach (var c in candidates.Values)
        {
            if (!storedByKey.TryGetValue(c.Key, out var w))
            {
                w = new Warning { Key = c.Key, Status = WarningStatus.Raised, RaisedAt = now };
                Apply(w, c, now);
                AddEvent(w, WarningAction.Raised, now, SystemUser, null);
                db.Add(w);
                raised++;
            }
            else if (w.Status == WarningStatus.Resolved)
            {
                Apply(w, c, now);
                w.Status = WarningStatus.Raised;
                w.RaisedAt = now;
                w.ResolvedAt = null;
                w.AcknowledgedAt = null; w.AcknowledgedBy = null; w.AcknowledgeNote = null;
                AddEvent(w, WarningAction.Reopened, now, SystemUser, "条件再次出现");
                reopened++;
            }
            else if (w.Message != c.Message || w.Severity != c.Severity || w.Title != c.Title || w.IsSynthetic != c.IsSynthetic)
            {
                var rose = c.Severity > w.Severity;
                Apply(w, c, now);
                string? note = null;
                // An acknowledged warning stays acknowledged unless it got worse.
                if (rose && w.Status == WarningStatus.Acknowledged) { w.Status = WarningStatus.Raised; note = "严重程度升高，需重新确认"; }
                AddEvent(w, WarningAction.Updated, now, SystemUser, note);
                updated++;
            }
            else unchanged.Add(w.Id);
        }

        foreach (var w in stored.Where(w => w.IsOpen && !candidates.ContainsKey(w.Key)))
        {
            w.Status = WarningStatus.Resolved;
            w.ResolvedAt = now;
            w.LastEvaluatedAt = now;
            AddEvent(w, WarningAction.Resolved, now, SystemUser, ConditionClearedNote);
            resolved++;
        }

        await db.SaveChangesAsync(ct);
        // Unchanged warnings only get their evaluation time: a heartbeat, not a change worth an audit entry each.
        foreach (var chunk in unchanged.Chunk(500))
            await db.Set<Warning>().Where(w => chunk.Contains(w.Id)).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastEvaluatedAt, now), ct);
        var open = await db.Set<Warning>().CountAsync(w => w.Status != WarningStatus.Resolved, ct);
        return new WarningRefreshResult(raised, updated, resolved, reopened, open);
    }

    /// <summary>Changed enterprises change the actuals of the targets of their regions: their registered and production regions join the scope.</summary>
    private async Task<RefreshScope> WithEnterpriseRegionsAsync(RefreshScope scope, CancellationToken ct)
    {
        if (scope.IsFull || scope.EnterpriseIds.Count == 0) return scope;
        var regionIds = new HashSet<int>(scope.RegionIds);
        foreach (var chunk in scope.EnterpriseIds.Chunk(500))
        {
            regionIds.UnionWith(await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => e.RegisteredRegionId).ToListAsync(ct));
            regionIds.UnionWith(await db.ProductionSites.AsNoTracking().Where(s => chunk.Contains(s.EnterpriseId)).Select(s => s.RegionId).ToListAsync(ct));
        }
        return scope with { RegionIds = regionIds };
    }

    /// <summary>Marks an open warning as seen, with the note saying what is being done; null when there is no such warning.</summary>
    public async Task<Warning?> AcknowledgeAsync(int id, string by, string note, CancellationToken ct)
    {
        var w = await db.Set<Warning>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        if (w.Status == WarningStatus.Resolved) throw new InvalidOperationException("该预警已解除，无需确认。");
        var now = clock.GetUtcNow();
        w.Status = WarningStatus.Acknowledged;
        w.AcknowledgedAt = now;
        w.AcknowledgedBy = by;
        w.AcknowledgeNote = note;
        AddEvent(w, WarningAction.Acknowledged, now, by, note);
        await db.SaveChangesAsync(ct);
        return w;
    }

    /// <summary>Closes a warning by hand; the next refresh reopens it if its condition still holds.</summary>
    public async Task<Warning?> ResolveAsync(int id, string by, string note, CancellationToken ct)
    {
        var w = await db.Set<Warning>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        if (w.Status == WarningStatus.Resolved) throw new InvalidOperationException("该预警已解除。");
        var now = clock.GetUtcNow();
        w.Status = WarningStatus.Resolved;
        w.ResolvedAt = now;
        AddEvent(w, WarningAction.Resolved, now, by, note);
        await db.SaveChangesAsync(ct);
        return w;
    }

    private static void Apply(Warning w, WarningCandidate c, DateTimeOffset now)
    {
        w.Kind = c.Kind;
        w.Severity = c.Severity;
        w.Title = Cut(c.Title, 200);
        w.Message = Cut(c.Message, 1000);
        w.LinksJson = JsonSerializer.Serialize(c.Links, Json);
        w.PlanId = c.PlanId; w.TargetId = c.TargetId; w.AllocationId = c.AllocationId; w.RegionId = c.RegionId;
        w.UnitId = c.UnitId; w.EnterpriseId = c.EnterpriseId; w.TaskId = c.TaskId;
        w.IsSynthetic = c.IsSynthetic;
        w.LastEvaluatedAt = now;
    }

    private static void AddEvent(Warning w, WarningAction action, DateTimeOffset at, string by, string? note) =>
        w.Events.Add(new WarningEvent { At = at, Action = action, By = Cut(by, 64), Note = note is null ? null : Cut(note, 500), Severity = w.Severity, Message = w.Message });

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static IReadOnlyList<WarningLink> Links(Warning w) =>
        JsonSerializer.Deserialize<List<WarningLink>>(w.LinksJson, Json) ?? [];

    /// <summary>Whether a partial refresh is responsible for a warning of this kind and subject (a full one for every warning).</summary>
    public static bool Covers(RefreshScope scope, RegionTree regions, WarningKind kind, int? planId, int? regionId, int? unitId, int? enterpriseId)
    {
        if (scope.IsFull) return true;
        bool Plan() => planId is { } p && scope.PlanIds.Contains(p);
        bool Unit() => unitId is { } u && scope.UnitIds.Contains(u);
        return kind switch
        {
            WarningKind.TargetAtRisk or WarningKind.AllocationAtRisk or WarningKind.DistrictLaggingShare =>
                Plan() || (regionId is { } r && regions.Scopes.Within(r).Overlaps(scope.RegionIds)),
            WarningKind.TaskOverdue or WarningKind.TaskStalled or WarningKind.ReportMissing or WarningKind.ReportLate => Plan() || Unit(),
            _ => enterpriseId is { } e && scope.EnterpriseIds.Contains(e),
        };
    }

    // ---------- gathering the inputs ----------

    private async Task<List<WarningCandidate>> CollectAsync(RefreshScope scope, DateTimeOffset now, RegionTree regions, CancellationToken ct)
    {
        var list = new List<WarningCandidate>();
        var nowYear = TimeZoneInfo.ConvertTime(now, ReportingCalendar.China).Year;
        if (scope.IsFull || scope.PlanIds.Count > 0 || scope.RegionIds.Count > 0) await CollectPlansAsync(list, nowYear, regions, ct);
        if (scope.IsFull || scope.PlanIds.Count > 0 || scope.UnitIds.Count > 0)
        {
            await CollectTasksAsync(list, now, nowYear, ct);
            await CollectReportsAsync(list, now, ct);
        }
        if (scope.IsFull || scope.EnterpriseIds.Count > 0)
        {
            var ids = scope.IsFull ? null : scope.EnterpriseIds;
            await CollectEnterprisesAsync(list, ids, regions, ct);
            await CollectMovesAsync(list, ids, now, nowYear, regions, ct);
        }
        return list;
    }

    private async Task CollectPlansAsync(List<WarningCandidate> list, int nowYear, RegionTree regions, CancellationToken ct)
    {
        var fromYear = nowYear - options.Value.TargetYearsBack;
        var planIds = await db.Plans.AsNoTracking()
            .Where(p => p.Targets.Any(t => t.Year >= fromYear) || p.Allocations.Any(a => a.Year >= fromYear))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var planId in planIds)
        {
            var plan = await progress.GetAsync(planId, nowYear, ct);
            if (plan is null) continue;
            var targets = await db.Targets.AsNoTracking().Where(t => t.PlanId == planId).Select(t => new { t.Id, t.RegionId, t.IndicatorId }).ToDictionaryAsync(t => t.Id, ct);
            var allocations = await db.Allocations.AsNoTracking().Where(a => a.PlanId == planId).Select(a => new { a.Id, a.RegionId, a.IndicatorId }).ToDictionaryAsync(a => a.Id, ct);
            var targetInputs = new List<(AttainmentInput Input, int IndicatorId)>();
            foreach (var t in plan.Targets.Where(t => t.Year >= fromYear && targets.ContainsKey(t.TargetId)))
            {
                var row = targets[t.TargetId];
                var input = new AttainmentInput(planId, t.TargetId, null, row.RegionId, t.Region, t.Indicator, t.Unit, t.Year, t.Value, t.Actual, t.ActualYear,
                    t.Forecast.Projected, t.Forecast.Status.ToString(), t.Forecast.StatusLabel, t.ActualIsSynthetic) { Ratio = t.Forecast.Ratio, PercentOfTarget = t.PercentOfTarget };
                targetInputs.Add((input, row.IndicatorId));
                if (_rules.TargetAtRisk(input) is { } c) list.Add(c);
            }
            foreach (var a in plan.Allocations.Where(a => a.Year >= fromYear && allocations.ContainsKey(a.AllocationId)))
            {
                var row = allocations[a.AllocationId];
                var input = new AttainmentInput(planId, null, a.AllocationId, row.RegionId, a.Region, a.Indicator, a.Unit, a.Year, a.Value, a.Actual, a.ActualYear,
                    a.Forecast.Projected, a.Forecast.Status.ToString(), a.Forecast.StatusLabel, a.ActualIsSynthetic) { Ratio = a.Forecast.Ratio, PercentOfTarget = a.PercentOfTarget };
                if (_rules.AllocationAtRisk(input) is { } c) list.Add(c);
                var city = targetInputs.FirstOrDefault(t => t.IndicatorId == row.IndicatorId && t.Input.Year == a.Year && t.Input.RegionId != row.RegionId
                    && regions.Scopes.Within(t.Input.RegionId).Contains(row.RegionId)).Input;
                if (city is not null && _rules.DistrictLaggingShare(new DistrictShareInput(input, city.TargetId!.Value, city.Region, city.Value, city.Actual, city.ActualYear, city.IsSynthetic) { CityPercentOfTarget = city.PercentOfTarget }) is { } lag)
                    list.Add(lag);
            }
        }
    }

    private sealed record ReportedTask(int TaskId, int UnitId, string PeriodKey, TaskProgress Status, int Percent, int SubmissionId, bool IsSynthetic);

    private async Task<List<ReportedTask>> ReportedTasksAsync(CancellationToken ct) =>
        await db.Set<TaskReport>().AsNoTracking()
            .Where(r => r.Version!.Number == r.Version.Submission!.CurrentVersion
                && (r.Version.Submission.Status == SubmissionStatus.Submitted || r.Version.Submission.Status == SubmissionStatus.Accepted))
            .Select(r => new ReportedTask(r.PlanTaskId, r.Version!.Submission!.UnitId, r.Version.Submission.PeriodKey, r.Status, r.Percent, r.Version.SubmissionId, r.Version.Submission.IsSynthetic))
            .ToListAsync(ct);

    private async Task CollectTasksAsync(List<WarningCandidate> list, DateTimeOffset now, int nowYear, CancellationToken ct)
    {
        var o = options.Value;
        var reports = await ReportedTasksAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ShortName, u.RegionId }).ToDictionaryAsync(u => u.Id, ct);
        var histories = reports.GroupBy(r => (r.TaskId, r.UnitId))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.PeriodKey, StringComparer.Ordinal).ToList());

        var earliestEnd = nowYear - o.OverdueTaskYears - 1;
        var taskIds = histories.Keys.Select(k => k.TaskId).ToHashSet();
        var tasks = await db.PlanTasks.AsNoTracking()
            .Select(t => new
            {
                t.Id, t.PlanId, t.Number, t.Title, t.Status, PlanTitle = t.Plan!.Title, t.Plan.PeriodEnd, PlanRegionId = t.Plan.RegionId,
                Units = t.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Position).Select(a => a.UnitId).ToList(),
            })
            .Where(t => (t.PeriodEnd != null && t.PeriodEnd >= earliestEnd) || taskIds.Contains(t.Id))
            .ToListAsync(ct);
        foreach (var t in tasks)
        {
            var latest = histories.Where(h => h.Key.TaskId == t.Id).Select(h => h.Value[^1]).ToList();
            var isDone = t.Status == PlanTaskStatus.Done || (latest.Count > 0 && latest.All(r => r.Status == TaskProgress.Done));
            var statusLabel = latest.Count > 0 ? WarningRules.TaskStatusText(latest.MaxBy(r => r.PeriodKey, StringComparer.Ordinal)!.Status) : WarningRules.TaskStatusText((TaskProgress)(int)t.Status);
            var unitNames = string.Join("、", t.Units.Where(units.ContainsKey).Select(u => units[u].ShortName).Distinct());
            var input = new TaskInput(t.Id, t.PlanId, t.PlanTitle, t.PeriodEnd, t.Number, t.Title, isDone, statusLabel, t.PlanRegionId, unitNames, latest.Any(r => r.IsSynthetic))
            {
                LeadUnitId = t.Units.Count > 0 ? t.Units[0] : null,
            };
            if (_rules.TaskOverdue(input, now) is { } c) list.Add(c);
            foreach (var ((taskId, unitId), history) in histories.Where(h => h.Key.TaskId == t.Id))
            {
                var unit = units.GetValueOrDefault(unitId);
                var h = new TaskUnitHistory(taskId, t.PlanId, t.Number, t.Title, unitId, unit?.ShortName ?? $"单位{unitId}", unit?.RegionId,
                    history.Select(r => new TaskReportPoint(r.PeriodKey, r.Status, r.Percent, r.SubmissionId)).ToList(), history.Any(r => r.IsSynthetic));
                if (_rules.TaskStalled(h) is { } s) list.Add(s);
            }
        }
    }

    private async Task CollectReportsAsync(List<WarningCandidate> list, DateTimeOffset now, CancellationToken ct)
    {
        var forms = await db.Set<ReportForm>().AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var form in forms)
        {
            var calendar = new ReportingCalendar(CalendarRules.Of(form));
            var period = WarningRules.LatestDuePeriod(calendar, now);
            var units = await db.Set<ReportFormAssignment>().AsNoTracking().Where(a => a.FormId == form.Id)
                .Select(a => new ReportingUnit(a.UnitId, a.Unit!.ShortName, a.Unit.RegionId)).ToListAsync(ct);
            var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.FormId == form.Id && s.PeriodKey == period.Key)
                .Select(s => new UnitSubmission(s.UnitId, s.Status, s.SubmittedAt, s.Id)).ToListAsync(ct);
            list.AddRange(_rules.Reports(new FormPeriodInput(form.Id, form.Name, form.PlanId, CalendarRules.Of(form), period, units, submissions, form.IsSynthetic), now));
        }
    }

    private async Task CollectEnterprisesAsync(List<WarningCandidate> list, IReadOnlySet<int>? ids, RegionTree regions, CancellationToken ct)
    {
        var latest = await db.EnterpriseFigures.Where(f => f.Quarter == 0).MaxAsync(f => (int?)f.Year, ct);
        if (latest is not { } year) return;
        var enterprises = db.Enterprises.AsNoTracking();
        var changes = await RevenueChangesAsync(year, ids, ct);
        var active = new List<(int EnterpriseId, CultivationPool Pool)>();
        foreach (var chunk in changes.Select(c => c.Id).Chunk(500))
            active.AddRange((await db.PoolMemberships.AsNoTracking().Where(p => chunk.Contains(p.EnterpriseId) && p.FromYear <= year && (p.ToYear == null || p.ToYear >= year))
                .Select(p => new { p.EnterpriseId, p.Pool }).ToListAsync(ct)).Select(p => (p.EnterpriseId, p.Pool)));
        var pools = active.ToLookup(p => p.EnterpriseId, p => p.Pool);
        // First the rules on the numbers alone, then names and regions only for the enterprises that raise something.
        var raised = new List<(int Id, decimal Revenue, decimal Previous)>();
        foreach (var (id, now, before) in changes)
        {
            var probe = new EnterpriseYearsInput(id, "", "", 0, "", false, pools[id].ToList(), year, now, before);
            if (_rules.RevenueDrop(probe) is not null || _rules.TierChange(probe) is not null) raised.Add((id, now, before));
        }
        var details = new Dictionary<int, (string CreditCode, string Name, int RegionId, bool IsSynthetic)>();
        foreach (var chunk in raised.Select(r => r.Id).Chunk(500))
            foreach (var e in await enterprises.Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.CreditCode, e.Name, e.RegisteredRegionId, e.IsSynthetic }).ToListAsync(ct))
                details[e.Id] = (e.CreditCode, e.Name, e.RegisteredRegionId, e.IsSynthetic);
        foreach (var (id, now, before) in raised)
        {
            if (!details.TryGetValue(id, out var e)) continue;
            var input = new EnterpriseYearsInput(id, e.CreditCode, e.Name, e.RegionId, regions.Name(e.RegionId), e.IsSynthetic, pools[id].ToList(), year, now, before);
            if (_rules.RevenueDrop(input) is { } drop) list.Add(drop);
            if (_rules.TierChange(input) is { } tier) list.Add(tier);
        }
    }

    /// <summary>
    /// The yearly revenue of the latest and of the previous year of the enterprises whose numbers may raise a rule: a pool member
    /// whose revenue fell by about the threshold or more, or one whose revenue is on different sides of a tier threshold in
    /// the two years. The database compares in floating point with some slack; the rules decide in decimals.
    /// </summary>
    private async Task<List<(int Id, decimal Revenue, decimal Previous)>> RevenueChangesAsync(int year, IReadOnlySet<int>? ids, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        string R(string alias) => postgres ? $"{alias}.\"Revenue\"" : $"CAST({alias}.\"Revenue\" AS REAL)";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var keep = (1m - (options.Value.RevenueDropPercent - 0.01m) / 100m).ToString(inv);
        var tiers = RevenueTier.ThresholdsYi.Select(t => RevenueTier.ThresholdInWan(t).ToString(inv)).Select(t => $"({R("a")} >= {t}) <> ({R("b")} >= {t})");
        var sql = $"""
            SELECT a."EnterpriseId", a."Revenue", b."Revenue" FROM "EnterpriseFigures" a
            JOIN "EnterpriseFigures" b ON b."EnterpriseId" = a."EnterpriseId" AND b."Year" = {year - 1} AND b."Quarter" = 0
            WHERE a."Year" = {year} AND a."Quarter" = 0{(ids is null ? "" : $" AND a.\"EnterpriseId\" IN ({string.Join(", ", ids.Order().Append(0))})")}
              AND (({R("b")} > 0 AND {R("a")} < {R("b")} * {keep}
                    AND EXISTS (SELECT 1 FROM "PoolMemberships" p WHERE p."EnterpriseId" = a."EnterpriseId" AND p."FromYear" <= {year} AND (p."ToYear" IS NULL OR p."ToYear" >= {year})))
                   OR {string.Join(" OR ", tiers)})
            """;
        var rows = new List<(int, decimal, decimal)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt32(0), reader.GetDecimal(1), reader.GetDecimal(2)));
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return rows;
    }

    private sealed record SiteState(int Id, int EnterpriseId, int RegionId, decimal Share);

    private async Task CollectMovesAsync(List<WarningCandidate> list, IReadOnlySet<int>? ids, DateTimeOffset now, int nowYear, RegionTree regions, CancellationToken ct)
    {
        var since = now.AddDays(-options.Value.MoveWindowDays);
        string[] types = [nameof(Enterprise), nameof(ProductionSite)];
        string[] actions = [nameof(EntityState.Added), nameof(EntityState.Modified), nameof(EntityState.Deleted)];
        // SQLite cannot compare DateTimeOffset: the window is applied in memory.
        var entries = (await db.AuditEntries.AsNoTracking().Where(a => types.Contains(a.EntityType) && actions.Contains(a.Action))
                .Select(a => new { a.Id, a.At, a.Action, a.EntityType, a.Before, a.After }).ToListAsync(ct))
            .Where(a => a.At >= since).OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
        if (entries.Count == 0) return;

        var registrationMoves = new Dictionary<int, (int From, DateTimeOffset At)>();
        var siteEntries = new List<(int EnterpriseId, string Action, SiteState? Before, SiteState? After, DateTimeOffset At)>();
        foreach (var a in entries)
        {
            var before = Parse(a.Before);
            var after = Parse(a.After);
            if (a.EntityType == nameof(Enterprise))
            {
                if (a.Action != nameof(EntityState.Modified) || Int(before, "Id") is not { } id) continue;
                var from = Int(before, "RegisteredRegionId");
                var to = Int(after, "RegisteredRegionId");
                if (from is null || to is null || from == to) continue;
                registrationMoves[id] = registrationMoves.TryGetValue(id, out var first) ? (first.From, a.At) : (from.Value, a.At);
            }
            else
            {
                var b = Site(before);
                var f = Site(after);
                if ((b ?? f) is { } any) siteEntries.Add((any.EnterpriseId, a.Action, b, f, a.At));
            }
        }

        var enterpriseIds = registrationMoves.Keys.Concat(siteEntries.Select(s => s.EnterpriseId)).Distinct()
            .Where(id => ids is null || ids.Contains(id)).ToList();
        if (enterpriseIds.Count == 0) return;
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.CreditCode, e.Name, e.RegisteredRegionId, e.IsSynthetic, e.ListingStatus,
                KeyPools = e.Pools.Where(p => (p.Pool == CultivationPool.Leading || p.Pool == CultivationPool.Unicorn) && p.FromYear <= nowYear && (p.ToYear == null || p.ToYear >= nowYear)).Select(p => p.Pool).ToList(),
                Sites = e.ProductionSites.Select(s => new SiteState(s.Id, s.EnterpriseId, s.RegionId, s.Share)).ToList(),
            }).ToListAsync(ct);
        foreach (var e in enterprises)
        {
            var reasons = e.KeyPools.Distinct().Order().Select(WarningRules.PoolText).ToList();
            if (e.ListingStatus == ListingStatus.Listed) reasons.Add("上市企业");
            var keyReason = reasons.Count == 0 ? null : string.Join("、", reasons);
            if (registrationMoves.TryGetValue(e.Id, out var move))
            {
                var m = new EnterpriseMoveInput(e.Id, e.CreditCode, e.Name, e.IsSynthetic, keyReason, MoveKind.Registration, move.At,
                    regions.Place(move.From), regions.Place(e.RegisteredRegionId));
                if (_rules.MovedOut(m, now) is { } c) list.Add(c);
            }
            var changes = siteEntries.Where(s => s.EnterpriseId == e.Id).ToList();
            if (changes.Count == 0) continue;
            // Undo the window's site changes from its first edit or removal on, newest first: the sites before the move
            // (sites added before that edit, e.g. when the enterprise was created within the window, are the starting point).
            var firstEdit = changes.FindIndex(c => c.Action != nameof(EntityState.Added));
            if (firstEdit < 0) continue;
            var sites = e.Sites.ToDictionary(s => s.Id);
            foreach (var s in Enumerable.Reverse(changes.Skip(firstEdit).ToList()))
            {
                if (s.Action == nameof(EntityState.Added) && s.After is { } added) sites.Remove(added.Id);
                else if (s.Before is { } old) sites[old.Id] = old;
            }
            var largestBefore = Largest(sites.Values);
            var largestNow = Largest(e.Sites);
            if (largestBefore is null || largestNow is null) continue;
            var site = new EnterpriseMoveInput(e.Id, e.CreditCode, e.Name, e.IsSynthetic, keyReason, MoveKind.Production, changes[^1].At,
                regions.Place(largestBefore.RegionId), regions.Place(largestNow.RegionId));
            if (_rules.MovedOut(site, now) is { } p) list.Add(p);
        }
    }

    private static SiteState? Largest(IEnumerable<SiteState> sites) => sites.OrderByDescending(s => s.Share).ThenBy(s => s.Id).FirstOrDefault();

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }

    private static int? Int(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static SiteState? Site(JsonElement? e)
    {
        if (Int(e, "Id") is not { } id || Int(e, "EnterpriseId") is not { } enterpriseId || Int(e, "RegionId") is not { } regionId) return null;
        var share = e!.Value.TryGetProperty("Share", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDecimal() : 1m;
        return new SiteState(id, enterpriseId, regionId, share);
    }
}

/// <summary>Regions with their names and cities, for the warning sentences and the "moved out of the city" test.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<int, (string Name, int? ParentId, RegionLevel Level)> _byId;

    public RegionScopes Scopes { get; }

    private RegionTree(List<(RegionNode Node, RegionLevel Level)> rows)
    {
        _byId = rows.ToDictionary(r => r.Node.Id, r => (r.Node.Name, r.Node.ParentId, r.Level));
        Scopes = new RegionScopes(rows.Select(r => r.Node));
    }

    public static async Task<RegionTree> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Regions.AsNoTracking().Select(r => new { Node = new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode), r.Level }).ToListAsync(ct);
        return new RegionTree(rows.Select(r => (r.Node, r.Level)).ToList());
    }

    public string Name(int id) => _byId.TryGetValue(id, out var r) ? r.Name : "";

    /// <summary>The city (地级市) a region belongs to, or itself when it is a city; null above city level.</summary>
    public int? CityOf(int id)
    {
        for (int? current = id; current is { } c && _byId.TryGetValue(c, out var r); current = r.ParentId)
            if (r.Level == RegionLevel.City) return c;
        return null;
    }

    public Place Place(int regionId)
    {
        var city = CityOf(regionId);
        return new Place(regionId, Name(regionId), city, city is { } c ? Name(c) : Name(regionId));
    }
}
