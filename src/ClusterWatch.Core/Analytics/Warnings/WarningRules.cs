using System.Globalization;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Core.Analytics.Warnings;

/// <summary>The warning rules: plain inputs and thresholds in, candidates (with severity, sentence and links) out.</summary>
public sealed class WarningRules(WarningOptions options)
{
    public WarningOptions Options { get; } = options;

    // ---------- targets and allocations ----------

    /// <summary>Needs acceleration (or the trajectory's 预警) → Warning; limited progress, deterioration (or 滞后) → Critical.</summary>
    public static WarningSeverity? SeverityOfStatus(string status) => status switch
    {
        "NeedsAcceleration" or "Warning" => WarningSeverity.Warning,
        "LimitedProgress" or "Deterioration" or "Lagging" => WarningSeverity.Critical,
        _ => null,
    };

    public WarningCandidate? TargetAtRisk(AttainmentInput t)
    {
        if (SeverityOfStatus(t.Status) is not { } severity || t.TargetId is not { } targetId) return null;
        return new WarningCandidate(WarningKind.TargetAtRisk, severity, $"TargetAtRisk:target:{targetId}:{t.Year}",
            $"{t.Region}{t.Indicator}{t.Year}年目标进度{t.StatusLabel}", AttainmentSentence(t, "目标"), PlanLinks(t.PlanId, t.Year), t.IsSynthetic)
        { PlanId = t.PlanId, TargetId = targetId, RegionId = t.RegionId };
    }

    public WarningCandidate? AllocationAtRisk(AttainmentInput a)
    {
        if (SeverityOfStatus(a.Status) is not { } severity || a.AllocationId is not { } allocationId) return null;
        return new WarningCandidate(WarningKind.AllocationAtRisk, severity, $"AllocationAtRisk:allocation:{allocationId}:{a.Year}",
            $"{a.Region}{a.Indicator}{a.Year}年分解目标进度{a.StatusLabel}", AttainmentSentence(a, "分解目标"), PlanLinks(a.PlanId, a.Year), a.IsSynthetic)
        { PlanId = a.PlanId, AllocationId = allocationId, RegionId = a.RegionId };
    }

    private static string AttainmentSentence(AttainmentInput t, string what)
    {
        var actual = t.Actual is { } v && t.ActualYear is { } y
            ? $"{y}年实际为{Num(v)}{t.Unit}" + (t.Completion is { } c ? $"（完成{what}的{Pct(c)}%）" : "")
            : "尚无实际数据";
        var pace = t.Ratio is { } r ? $"目前增速为所需增速的{Pct(100m * r)}%，" : "";
        var outlook = t.Projected is { } p ? $"{pace}按目前增速预计{t.Year}年达到{Num(p)}{t.Unit}，判定为“{t.StatusLabel}”" : $"{pace}进度判定为“{t.StatusLabel}”";
        return $"{t.Region}{t.Indicator}{t.Year}年{what}为{Num(t.Value)}{t.Unit}，{actual}，{outlook}，请加快推进。";
    }

    /// <summary>The district's completion of its share is more than DistrictLagPoints below the city's completion of the target.</summary>
    public WarningCandidate? DistrictLaggingShare(DistrictShareInput s)
    {
        var d = s.District;
        if (d.AllocationId is not { } allocationId || d.Actual is not { } actual || s.CityActual is not { } cityActual || d.Completion is not { } districtRate) return null;
        if ((s.CityPercentOfTarget ?? (s.CityValue != 0 ? 100m * cityActual / s.CityValue : null)) is not { } cityRate) return null;
        var gap = cityRate - districtRate;
        if (gap <= Options.DistrictLagPoints) return null;
        var message = $"{d.Region}{d.Indicator}{d.Year}年分解目标为{Num(d.Value)}{d.Unit}，{d.ActualYear}年完成{Num(actual)}{d.Unit}，完成率{Pct(districtRate)}%，" +
            $"低于{s.City}完成率{Pct(cityRate)}%（{s.CityActualYear}年{Num(cityActual)}{d.Unit}，目标{Num(s.CityValue)}{d.Unit}）{Pct(gap)}个百分点，超过{Num(Options.DistrictLagPoints)}个百分点的预警线。";
        return new WarningCandidate(WarningKind.DistrictLaggingShare, WarningSeverity.Warning, $"DistrictLaggingShare:allocation:{allocationId}:{d.Year}",
            $"{d.Region}{d.Indicator}完成率落后全市", message, PlanLinks(d.PlanId, d.Year), d.IsSynthetic || s.CityIsSynthetic)
        { PlanId = d.PlanId, AllocationId = allocationId, TargetId = s.CityTargetId, RegionId = d.RegionId };
    }

    private static List<WarningLink> PlanLinks(int planId, int year) =>
    [
        new("监测看板", $"/?planId={planId}&year={year}"),
        new("规划详情", $"/Plans/Details/{planId}"),
        new("进度数据（API）", $"/api/plans/{planId}/progress?year={year}"),
    ];

    // ---------- tasks ----------

    /// <summary>Not done once the plan's last year is over (China time), for OverdueTaskYears after it.</summary>
    public WarningCandidate? TaskOverdue(TaskInput t, DateTimeOffset now)
    {
        if (t.IsDone || t.PlanPeriodEnd is not { } end) return null;
        var due = ReportingCalendar.EndOfDay(new DateOnly(end, 12, 31));
        if (now <= due || now > ReportingCalendar.EndOfDay(new DateOnly(end + Options.OverdueTaskYears, 12, 31))) return null;
        var message = $"《{t.PlanTitle}》任务{t.Number}「{Short(t.Title)}」应于{end}年底前完成，目前状态为“{t.StatusLabel}”，已逾期" +
            (string.IsNullOrEmpty(t.UnitNames) ? "。" : $"，责任单位：{t.UnitNames}。");
        return new WarningCandidate(WarningKind.TaskOverdue, WarningSeverity.Critical, $"TaskOverdue:task:{t.TaskId}",
            $"任务{t.Number}已逾期未完成", message,
            [new("规划详情", $"/Plans/Details/{t.PlanId}"), new("任务", $"/Plans/{t.PlanId}/Tasks/Edit/{t.TaskId}"), new("规划数据（API）", $"/api/plans/{t.PlanId}")],
            t.IsSynthetic)
        { PlanId = t.PlanId, TaskId = t.TaskId, RegionId = t.RegionId, UnitId = t.LeadUnitId };
    }

    /// <summary>The unit's last StalledPeriods reports of the task have the same status, not Done, and the percent did not rise.</summary>
    public WarningCandidate? TaskStalled(TaskUnitHistory h)
    {
        var n = Options.StalledPeriods;
        if (h.Reports.Count < n) return null;
        var last = h.Reports.Skip(h.Reports.Count - n).ToList();
        var status = last[^1].Status;
        if (status == TaskProgress.Done || last.Any(r => r.Status != status) || last[^1].Percent > last[0].Percent) return null;
        var periods = string.Join("、", last.Select(r => ReportingPeriod.TryParse(r.PeriodKey)?.Label ?? r.PeriodKey));
        var message = $"{h.UnitName}报送的任务{h.Number}「{Short(h.Title)}」连续{n}期（{periods}）状态均为“{TaskStatusText(status)}”，进度停留在{last[^1].Percent}%。";
        return new WarningCandidate(WarningKind.TaskStalled, WarningSeverity.Warning, $"TaskStalled:task:{h.TaskId}:unit:{h.UnitId}",
            $"{h.UnitName}任务{h.Number}连续{n}期无进展", message,
            [new("最近一期报送", $"/Reporting/History?id={last[^1].SubmissionId}"), new("任务", $"/Plans/{h.PlanId}/Tasks/Edit/{h.TaskId}"),
             new("报送数据（API）", $"/api/submissions/{last[^1].SubmissionId}")],
            h.IsSynthetic)
        { PlanId = h.PlanId, TaskId = h.TaskId, UnitId = h.UnitId, RegionId = h.RegionId };
    }

    public static string TaskStatusText(TaskProgress status) => status switch
    {
        TaskProgress.NotStarted => "未开始",
        TaskProgress.InProgress => "推进中",
        TaskProgress.Done => "已完成",
        _ => "滞后",
    };

    // ---------- reports ----------

    /// <summary>The latest period of the form whose deadline has passed by now (its deadline is strictly before now).</summary>
    public static ReportingPeriod LatestDuePeriod(ReportingCalendar calendar, DateTimeOffset now)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ReportingCalendar.China).DateTime);
        var period = ReportingPeriod.Containing(calendar.Rules.PeriodType, local);
        while (calendar.Deadline(period) >= now) period = period.Previous();
        return period;
    }

    /// <summary>After the deadline: not submitted (missing, draft or returned) → Critical; submitted after the deadline → Notice.</summary>
    public IEnumerable<WarningCandidate> Reports(FormPeriodInput f, DateTimeOffset now)
    {
        var calendar = new ReportingCalendar(f.Rules);
        var deadline = calendar.Deadline(f.Period);
        if (now <= deadline) yield break;
        var completeness = CompletenessCalculator.Calculate(calendar, f.Period, f.Units.Select(u => new ExpectedUnit(u.UnitId, u.UnitName)), f.Submissions);
        var regions = f.Units.ToDictionary(u => u.UnitId, u => u.RegionId);
        var links = new List<WarningLink>
        {
            new("报送情况", $"/Reporting/Completeness?form={f.FormId}&period={f.Period.Key}"),
            new("催报名单（API）", $"/api/completeness/overdue?form={f.FormId}&period={f.Period.Key}"),
        };
        var deadlineText = Local(deadline).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        foreach (var u in completeness.Units)
        {
            var unitLinks = u.SubmissionId is { } sid ? [.. links, new("报送记录", $"/Reporting/History?id={sid}")] : links;
            if (u.State is UnitReportState.Missing or UnitReportState.Draft or UnitReportState.Returned)
                yield return new WarningCandidate(WarningKind.ReportMissing, WarningSeverity.Critical, $"ReportMissing:form:{f.FormId}:unit:{u.UnitId}:{f.Period.Key}",
                    $"{u.UnitName}未报送{f.Period.Label}报表",
                    $"{u.UnitName}未在{deadlineText}截止前报送《{f.FormName}》{f.Period.Label}报表（当前状态：{u.StateText}），请督促尽快报送。",
                    unitLinks, f.IsSynthetic)
                { PlanId = f.PlanId, UnitId = u.UnitId, RegionId = regions.GetValueOrDefault(u.UnitId) };
            else if (u.State == UnitReportState.Late && u.SubmittedAt is { } at)
            {
                var days = Math.Max(1, (int)Math.Ceiling((at - deadline).TotalDays));
                yield return new WarningCandidate(WarningKind.ReportLate, WarningSeverity.Notice, $"ReportLate:form:{f.FormId}:unit:{u.UnitId}:{f.Period.Key}",
                    $"{u.UnitName}逾期报送{f.Period.Label}报表",
                    $"{u.UnitName}于{Local(at).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}报送《{f.FormName}》{f.Period.Label}报表，晚于截止日期{deadlineText}{days}天。",
                    unitLinks, f.IsSynthetic)
                { PlanId = f.PlanId, UnitId = u.UnitId, RegionId = regions.GetValueOrDefault(u.UnitId) };
            }
        }
    }

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ReportingCalendar.China);

    // ---------- enterprises ----------

    public static string PoolText(CultivationPool pool) => pool switch
    {
        CultivationPool.Leading => "龙头企业",
        CultivationPool.Gazelle => "瞪羚企业",
        CultivationPool.Unicorn => "独角兽企业",
        CultivationPool.Specialized => "专精特新企业",
        CultivationPool.HighTech => "高新技术企业",
        _ => "小升规企业",
    };

    /// <summary>A pool member whose revenue fell by more than RevenueDropPercent from the year before.</summary>
    public WarningCandidate? RevenueDrop(EnterpriseYearsInput e)
    {
        if (e.ActivePools.Count == 0 || e.Revenue is not { } revenue || e.PreviousRevenue is not { } previous || previous <= 0) return null;
        var drop = 100m * (previous - revenue) / previous;
        if (drop <= Options.RevenueDropPercent) return null;
        var pools = string.Join("、", e.ActivePools.Distinct().Order().Select(PoolText));
        var message = $"{e.Name}（{pools}，{e.Region}）{e.Year}年营业收入{Amount(revenue)}，较{e.Year - 1}年的{Amount(previous)}下降{Pct(drop)}%，超过{Num(Options.RevenueDropPercent)}%的预警线。";
        return new WarningCandidate(WarningKind.EnterpriseRevenueDrop, drop > 2 * Options.RevenueDropPercent ? WarningSeverity.Critical : WarningSeverity.Warning,
            $"EnterpriseRevenueDrop:enterprise:{e.EnterpriseId}:{e.Year}", $"{e.Name}营业收入下降{Pct(drop)}%", message, EnterpriseLinks(e.CreditCode), e.IsSynthetic)
        { EnterpriseId = e.EnterpriseId, RegionId = e.RegionId };
    }

    /// <summary>How many tier thresholds (RevenueTier.ThresholdsYi) the amount reaches.</summary>
    public static int TierOf(decimal amountWan) => RevenueTier.ThresholdsYi.Count(t => RevenueTier.IsAtOrAbove(amountWan, t));

    /// <summary>Revenue crossed one or more tier thresholds up or down between the last two years, so the tier counts change.</summary>
    public WarningCandidate? TierChange(EnterpriseYearsInput e)
    {
        if (e.Revenue is not { } revenue || e.PreviousRevenue is not { } previous) return null;
        int now = TierOf(revenue), before = TierOf(previous);
        if (now == before) return null;
        var up = now > before;
        var crossed = RevenueTier.ThresholdsYi.Skip(Math.Min(now, before)).Take(Math.Abs(now - before)).ToList();
        var counts = string.Join("、", crossed.Select(t => $"超{Num(t)}亿元企业数{(up ? "增加" : "减少")}1家"));
        var message = $"{e.Name}（{e.Region}）{e.Year}年营业收入{Amount(revenue)}，较{e.Year - 1}年的{Amount(previous)}" +
            $"{(up ? "升过" : "跌破")}{string.Join("、", crossed.Select(t => $"{Num(t)}亿元"))}门槛，{e.Region}{counts}。";
        return new WarningCandidate(WarningKind.EnterpriseTierChange, up ? WarningSeverity.Notice : WarningSeverity.Warning,
            $"EnterpriseTierChange:enterprise:{e.EnterpriseId}:{e.Year}", $"{e.Name}营业收入{(up ? "升入" : "跌出")}超{Num(crossed[up ? ^1 : 0])}亿元档",
            message, EnterpriseLinks(e.CreditCode), e.IsSynthetic)
        { EnterpriseId = e.EnterpriseId, RegionId = e.RegionId };
    }

    /// <summary>A key enterprise moved its registration or largest production site to another city within the window.</summary>
    public WarningCandidate? MovedOut(EnterpriseMoveInput m, DateTimeOffset now)
    {
        if (m.KeyReason is null || m.From.CityId == m.To.CityId || m.ChangedAt < now.AddDays(-Options.MoveWindowDays)) return null;
        var what = m.What == MoveKind.Registration ? "注册地" : "最大生产基地";
        var message = $"重点企业{m.Name}（{m.KeyReason}）的{what}于{Local(m.ChangedAt).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}由{m.From.RegionName}" +
            $"迁至{m.To.RegionName}{(string.IsNullOrEmpty(m.To.CityName) || m.To.RegionName == m.To.CityName ? "" : $"（{m.To.CityName}）")}，已迁出{m.From.CityName}，请跟进了解原因。";
        return new WarningCandidate(WarningKind.EnterpriseMovedOut, WarningSeverity.Critical, $"EnterpriseMovedOut:enterprise:{m.EnterpriseId}:{m.What}",
            $"重点企业{m.Name}{what}迁出{m.From.CityName}", message,
            [.. EnterpriseLinks(m.CreditCode), new("变更记录（API）", $"/api/audit?entityType={(m.What == MoveKind.Registration ? "Enterprise" : "ProductionSite")}")],
            m.IsSynthetic)
        { EnterpriseId = m.EnterpriseId, RegionId = m.From.RegionId };
    }

    private static List<WarningLink> EnterpriseLinks(string creditCode) =>
    [
        new("企业详情", $"/Enterprises/Details/{Uri.EscapeDataString(creditCode)}"),
        new("企业数据（API）", $"/api/enterprises/{Uri.EscapeDataString(creditCode)}"),
    ];

    // ---------- formatting ----------

    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static string Num(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", Numbers);

    public static string Pct(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", Numbers);

    /// <summary>An amount in 万元 shown in 亿元 from 1 亿元 up, else in 万元.</summary>
    public static string Amount(decimal wan) => Math.Abs(wan) >= RevenueTier.WanPerYi ? $"{Num(wan / RevenueTier.WanPerYi)}亿元" : $"{Num(wan)}万元";

    private static string Short(string title) => title.Length <= 40 ? title : title[..40] + "…";
}
