using System.Globalization;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Core.Analytics.Assessment;

/// <summary>A target's or allocation's completion: its percent of target (null without an actual).</summary>
public sealed record CompletionItem(string Name, decimal? PercentOfTarget);

/// <summary>A task the unit leads and its status in the period.</summary>
public sealed record TaskItem(string Title, PlanTaskStatus Status);

/// <summary>One expected report of the unit in the period, its state, and whether it was returned or carried validation warnings.</summary>
public sealed record ReportItem(string Form, string PeriodKey, UnitReportState State, bool Accepted, bool WasReturned, bool HasWarnings)
{
    /// <summary>Submitted at least once (on time, late, or returned afterwards).</summary>
    public bool WasSubmitted => State is UnitReportState.OnTime or UnitReportState.Late || WasReturned;
}

/// <summary>What a unit did in a period; an empty list makes the indicators built on it not applicable.</summary>
public sealed record UnitInputs(int UnitId, string UnitName, PeerGroup Group,
    IReadOnlyList<CompletionItem> Targets, IReadOnlyList<CompletionItem> Allocations, IReadOnlyList<TaskItem> Tasks, IReadOnlyList<ReportItem> Reports);

/// <summary>One indicator of a unit's score: raw value, 0–100 score, weight, re-normalised weight, weighted points and the reason in Chinese.</summary>
public sealed record IndicatorScore(AssessmentKind Kind, string Name, bool Applicable, decimal? RawValue, string RawText, decimal? Score,
    decimal Weight, decimal EffectiveWeight, decimal Points, string Explanation);

public sealed record UnitScore(int UnitId, string UnitName, PeerGroup Group, decimal Score, IReadOnlyList<IndicatorScore> Breakdown);

/// <summary>A unit's place in its peer group and how it moved since the previous period.</summary>
public sealed record RankedUnit(int UnitId, string UnitName, PeerGroup Group, decimal Score, int Rank,
    decimal? PreviousScore, int? PreviousRank, decimal? Change, int? RankChange, IReadOnlyList<IndicatorScore> Breakdown);

public sealed record WeightedKind(AssessmentKind Kind, decimal Weight);

/// <summary>
/// Scores units 0–100 per indicator, weights them (dropping indicators that do not apply and re-normalising the rest) and ranks
/// them within peer groups with standard competition ranking (1, 1, 3).
/// </summary>
public static class AssessmentScorer
{
    public const decimal TotalWeight = 100m;

    public static string KindName(AssessmentKind kind) => kind switch
    {
        AssessmentKind.TargetCompletion => "目标完成率",
        AssessmentKind.AllocationCompletion => "分解目标完成率",
        AssessmentKind.TaskCompletion => "任务完成率",
        AssessmentKind.ReportTimeliness => "报送及时率",
        AssessmentKind.ReportCompleteness => "报送完整率",
        _ => "数据质量",
    };

    public static string KindNameEn(AssessmentKind kind) => kind switch
    {
        AssessmentKind.TargetCompletion => "Target completion",
        AssessmentKind.AllocationCompletion => "Allocation completion",
        AssessmentKind.TaskCompletion => "Task completion",
        AssessmentKind.ReportTimeliness => "Report timeliness",
        AssessmentKind.ReportCompleteness => "Report completeness",
        _ => "Data quality",
    };

    public static string GroupName(PeerGroup group) => group == PeerGroup.District ? "区政府" : "市直部门";

    /// <summary>District governments and departments are ranked; collective (各区政府) and other units are not.</summary>
    public static PeerGroup? PeerGroupOf(UnitKind kind) => kind switch
    {
        UnitKind.DistrictGovernment => PeerGroup.District,
        UnitKind.Department => PeerGroup.Department,
        _ => null,
    };

    /// <summary>The weights' problems in Chinese (empty when they are valid): each kind once, each weight above 0, a total of exactly 100.</summary>
    public static List<string> CheckWeights(IReadOnlyList<WeightedKind> weights)
    {
        var errors = new List<string>();
        if (weights.Count == 0) { errors.Add("考核方案至少需要一个指标。"); return errors; }
        foreach (var duplicate in weights.GroupBy(w => w.Kind).Where(g => g.Count() > 1))
            errors.Add($"指标「{KindName(duplicate.Key)}」重复。");
        foreach (var w in weights.Where(w => w.Weight <= 0 || w.Weight > TotalWeight))
            errors.Add($"指标「{KindName(w.Kind)}」的权重应大于 0 且不超过 100 分，当前为 {Format(w.Weight)} 分。");
        var sum = weights.Sum(w => w.Weight);
        if (sum != TotalWeight) errors.Add($"各指标权重之和应为 100 分，当前为 {Format(sum)} 分。");
        return errors;
    }

    /// <summary>The unit's weighted score, or null when none of the scheme's indicators applies to it (then it is not ranked).</summary>
    public static UnitScore? Score(UnitInputs unit, IReadOnlyList<WeightedKind> weights)
    {
        var raw = weights.Select(w => (w, Evaluate(w.Kind, unit))).ToList();
        var applicableWeight = raw.Where(r => r.Item2.Score is not null).Sum(r => r.w.Weight);
        if (applicableWeight == 0) return null;
        var renormalised = applicableWeight != raw.Sum(r => r.w.Weight);
        var notApplicable = raw.Where(r => r.Item2.Score is null).Select(r => KindName(r.w.Kind)).ToList();
        var breakdown = new List<IndicatorScore>();
        decimal total = 0;
        foreach (var (w, e) in raw)
        {
            if (e.Score is not { } score)
            {
                breakdown.Add(new IndicatorScore(w.Kind, KindName(w.Kind), false, null, e.RawText, null, w.Weight, 0, 0,
                    $"{e.Explanation}不适用于本单位，其权重 {Format(w.Weight)} 分按比例分配给其余指标。"));
                continue;
            }
            var effective = w.Weight * TotalWeight / applicableWeight;
            var points = score * effective / 100m;
            total += points;
            var weightText = renormalised
                ? $"权重 {Format(w.Weight)} 分，因「{string.Join("、", notApplicable)}」不适用按比例调整为 {Format(Round(effective))} 分"
                : $"权重 {Format(w.Weight)} 分";
            breakdown.Add(new IndicatorScore(w.Kind, KindName(w.Kind), true, e.RawValue, e.RawText, Round(score), w.Weight, Round(effective), Round(points),
                $"{e.Explanation}得分 {Format(Round(score))}；{weightText}，计 {Format(Round(score))} × {Format(Round(effective))}% = {Format(Round(points))} 分。"));
        }
        return new UnitScore(unit.UnitId, unit.UnitName, unit.Group, Round(total), breakdown);
    }

    private sealed record Evaluation(decimal? Score, decimal? RawValue, string RawText, string Explanation);

    private static Evaluation Evaluate(AssessmentKind kind, UnitInputs unit) => kind switch
    {
        AssessmentKind.TargetCompletion => Completion(unit.Targets, "目标", "本单位所在地区在规划中没有目标（部门仅考核其牵头任务所属规划的市级目标）"),
        AssessmentKind.AllocationCompletion => Completion(unit.Allocations, "分解目标", "规划没有分解到本区的目标"),
        AssessmentKind.TaskCompletion => Tasks(unit.Tasks),
        AssessmentKind.ReportTimeliness => Share(unit.Reports, r => r.State == UnitReportState.OnTime, "按时报送",
            "应报 {0} 期，按时报送 {1} 期（逾期、退回、草稿和未报均不计）", "本期没有应报的报表"),
        AssessmentKind.ReportCompleteness => Share(unit.Reports, r => r.State is UnitReportState.OnTime or UnitReportState.Late, "已报送",
            "应报 {0} 期，已报送 {1} 期（含逾期；退回和草稿不计）", "本期没有应报的报表"),
        _ => Share(unit.Reports.Where(r => r.WasSubmitted).ToList(), r => r.Accepted && !r.WasReturned && !r.HasWarnings, "一次受理且无校验警告",
            "已提交 {0} 份，一次受理且无校验警告 {1} 份（曾退回或重新提交、带警告或尚未受理的不计）", "本期没有提交过的报表"),
    };

    /// <summary>Mean of min(percent of target, 100) over the items with an actual; below 0 counts as 0.</summary>
    private static Evaluation Completion(IReadOnlyList<CompletionItem> items, string what, string notApplicable)
    {
        var measured = items.Where(i => i.PercentOfTarget is not null).ToList();
        if (measured.Count == 0)
            return new Evaluation(null, null, items.Count == 0 ? "—" : $"{items.Count} 项均无数据",
                items.Count == 0 ? $"{notApplicable}，" : $"{items.Count} 项{what}均无实际数据，");
        var capped = measured.Select(i => Math.Clamp(i.PercentOfTarget!.Value, 0m, 100m)).ToList();
        var score = capped.Average();
        var rawMean = measured.Average(i => i.PercentOfTarget!.Value);
        // The first dozen items are named; a long list is cut so the breakdown stays readable.
        var detail = string.Join("、", measured.Take(12).Select(i => $"{i.Name} {Format(Round(i.PercentOfTarget!.Value))}%")) + (measured.Count > 12 ? $" 等 {measured.Count} 项" : "");
        var missing = items.Count - measured.Count;
        return new Evaluation(score, Round(rawMean), $"{measured.Count} 项，平均完成 {Format(Round(rawMean))}%",
            $"{measured.Count} 项{what}（{detail}）{(missing > 0 ? $"，另有 {missing} 项无数据未计入" : "")}，各项完成率超过 100% 按 100% 计，平均 {Format(Round(score))}%；");
    }

    /// <summary>Done counts 1, in progress counts half, not started or lagging 0.</summary>
    private static Evaluation Tasks(IReadOnlyList<TaskItem> tasks)
    {
        if (tasks.Count == 0) return new Evaluation(null, null, "—", "本单位在规划中没有牵头任务，");
        var done = tasks.Count(t => t.Status == PlanTaskStatus.Done);
        var inProgress = tasks.Count(t => t.Status == PlanTaskStatus.InProgress);
        var credit = done + inProgress * 0.5m;
        var score = 100m * credit / tasks.Count;
        return new Evaluation(score, credit, $"{Format(credit)} / {tasks.Count}",
            $"牵头任务 {tasks.Count} 项：已完成 {done} 项，推进中 {inProgress} 项（按半项计），其余 {tasks.Count - done - inProgress} 项未开始或滞后（不计）；({done} + {inProgress} × 0.5) ÷ {tasks.Count} = {Format(Round(score))}%；");
    }

    private static Evaluation Share(IReadOnlyList<ReportItem> reports, Func<ReportItem, bool> counts, string label, string template, string notApplicable)
    {
        if (reports.Count == 0) return new Evaluation(null, null, "—", $"{notApplicable}，");
        var n = reports.Count(counts);
        var score = 100m * n / reports.Count;
        return new Evaluation(score, n, $"{n} / {reports.Count} {label}",
            string.Format(CultureInfo.InvariantCulture, template, reports.Count, n) + $"，{n} ÷ {reports.Count} = {Format(Round(score))}%；");
    }

    /// <summary>
    /// Ranks each peer group separately: equal scores share a rank and the next rank skips (1, 1, 3); equal scores are listed by name.
    /// previous holds last period's score and rank per unit, for the change columns.
    /// </summary>
    public static List<RankedUnit> Rank(IEnumerable<UnitScore> scores, IReadOnlyDictionary<int, (decimal Score, int Rank)>? previous = null)
    {
        var ranked = new List<RankedUnit>();
        foreach (var group in scores.GroupBy(s => s.Group).OrderBy(g => g.Key))
        {
            var ordered = group.OrderByDescending(s => s.Score).ThenBy(s => s.UnitName, StringComparer.Ordinal).ThenBy(s => s.UnitId).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var s = ordered[i];
                var rank = i > 0 && ordered[i - 1].Score == s.Score ? ranked[^1].Rank : i + 1;
                (decimal Score, int Rank)? before = previous is not null && previous.TryGetValue(s.UnitId, out var p) ? p : null;
                ranked.Add(new RankedUnit(s.UnitId, s.UnitName, s.Group, s.Score, rank, before?.Score, before?.Rank,
                    before is { } b ? s.Score - b.Score : null, before is { } c ? c.Rank - rank : null, s.Breakdown));
            }
        }
        return ranked;
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
