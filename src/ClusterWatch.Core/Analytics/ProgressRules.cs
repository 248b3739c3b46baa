using System.Globalization;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Analytics;

/// <summary>Where 预警 starts (share of the expected value) and how close a "~" (About) target must come to count as 达标.</summary>
public sealed record ProgressThresholds(decimal WarningRatio = 0.90m, decimal AboutRatio = 0.95m)
{
    public static ProgressThresholds Default { get; } = new();
}

/// <summary>What a target asks for, as the rules need it.</summary>
public sealed record TargetGoal(Comparator Comparator, Direction Direction, IndicatorKind Kind, decimal Value, decimal? ValueMax, int Year, string Unit)
{
    /// <summary>Lower is better: an upper bound (以下/不超过) or an indicator meant to decrease.</summary>
    public bool LowerIsBetter => Comparator == Comparator.AtMost || Direction == Direction.Decrease;
}

public sealed record ProgressEvaluation(ProgressStatus Status, string StatusLabel, decimal? Expected, int ExpectedYear, decimal? PercentOfTarget, string Rule, TrajectoryPath? Path);

/// <summary>达标 / 预警 / 滞后 / 无数据 for one target in a selected year, with the rule in Chinese and its numbers.</summary>
public class ProgressRules(ProgressThresholds? thresholds = null)
{
    public ProgressThresholds Thresholds { get; } = thresholds ?? ProgressThresholds.Default;

    public static string Label(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "达标",
        ProgressStatus.Warning => "预警",
        ProgressStatus.Lagging => "滞后",
        _ => "无数据",
    };

    /// <summary>
    /// Compares the actual (the latest year ≤ the selected year that has data) to the value expected in that actual's year,
    /// so a year whose figures are not in yet is not mistaken for lagging.
    /// </summary>
    public ProgressEvaluation Evaluate(TargetGoal goal, BaselineChoice? baseline, int year, decimal? actual, int? actualYear)
    {
        var path = baseline is null ? null : Trajectory.Path(baseline.Value, baseline.Year, goal.Value, goal.Year, goal.Kind);
        var compareYear = actual is null ? year : actualYear ?? year;
        var expected = path?.ExpectedAt(compareYear) ?? goal.Value;
        var unit = string.IsNullOrEmpty(goal.Unit) ? "" : " " + goal.Unit;

        var head = path is null
            ? $"规划未列基数且无历年实际值，直接与目标比较：{compareYear}年应达 {Format(expected)}{unit}（目标 {goal.Year}年 {Format(goal.Value)}）"
            : $"按{path.ShapeLabel}，{compareYear}年应达 {Format(expected)}{unit}（{baseline!.Describe()} → 目标 {goal.Year}年 {Format(goal.Value)}）";
        if (goal.ValueMax is { } max) head += $"；目标为区间 {Format(goal.Value)}–{Format(max)}，按下限考核";

        var warningPercent = FormatPercent(Thresholds.WarningRatio * 100);
        if (actual is not { } a)
            return new ProgressEvaluation(ProgressStatus.NoData, Label(ProgressStatus.NoData), expected, compareYear, null,
                $"{head}；截至 {year}年无实际数据 → 无数据", path);

        var actualText = actualYear is { } ay && ay != year ? $"{ay}年实际（{year}年尚无数据，取最近年份）" : "实际";
        var percentOfTarget = PercentOfTarget(goal, a);
        string rule;
        ProgressStatus status;
        if (goal.LowerIsBetter)
        {
            var kind = goal.Comparator == Comparator.AtMost ? "目标为上限" : "指标越低越好";
            // Inverted: the share is expected / actual, so 120 against an expected 110 is 91.7%.
            var ratio = a <= 0 ? (decimal?)null : expected / a;
            if (a <= expected) { status = ProgressStatus.OnTrack; rule = $"{actualText} {Format(a)} ≤ 应达值 → 达标"; }
            else if (ratio >= Thresholds.WarningRatio) { status = ProgressStatus.Warning; rule = $"{actualText} {Format(a)} > 应达值，应达值为实际的 {FormatPercent(ratio.Value * 100)}%，≥{warningPercent}% → 预警"; }
            else { status = ProgressStatus.Lagging; rule = $"{actualText} {Format(a)} > 应达值，应达值为实际的 {(ratio is { } r ? FormatPercent(r * 100) : "0")}%，<{warningPercent}% → 滞后"; }
            rule = $"{head}；{kind}，{rule}；应达值 ≥ 实际的 {warningPercent}% 为预警，否则滞后";
        }
        else
        {
            var onTrackRatio = goal.Comparator == Comparator.About ? Thresholds.AboutRatio : 1m;
            var ratio = expected <= 0 ? (decimal?)null : a / expected;
            var onTrack = expected <= 0 ? a >= expected : ratio >= onTrackRatio;
            var onTrackText = onTrackRatio == 1m ? "应达值" : $"应达值的 {FormatPercent(onTrackRatio * 100)}%（目标为约数）";
            if (onTrack) { status = ProgressStatus.OnTrack; rule = $"{actualText} {Format(a)} ≥ {onTrackText} → 达标"; }
            else if (ratio >= Thresholds.WarningRatio) { status = ProgressStatus.Warning; rule = $"{actualText} {Format(a)} 为应达值的 {FormatPercent(ratio.Value * 100)}%，≥{warningPercent}% → 预警"; }
            else { status = ProgressStatus.Lagging; rule = $"{actualText} {Format(a)} 为应达值的 {(ratio is { } r ? FormatPercent(r * 100) : "0")}%，<{warningPercent}% → 滞后"; }
            var tail = onTrackRatio == 1m ? "" : $"约数目标达应达值的 {FormatPercent(onTrackRatio * 100)}% 即达标，";
            rule = $"{head}；{rule}；{tail}≥{warningPercent}% 为预警，否则滞后";
        }
        return new ProgressEvaluation(status, Label(status), expected, compareYear, percentOfTarget, rule, path);
    }

    /// <summary>actual / target × 100, or target / actual × 100 when lower is better; one decimal.</summary>
    public static decimal? PercentOfTarget(TargetGoal goal, decimal actual)
    {
        if (goal.LowerIsBetter) return actual <= 0 ? null : Trajectory.Trim(Math.Round(goal.Value / actual * 100, 1, MidpointRounding.AwayFromZero));
        return goal.Value == 0 ? null : Trajectory.Trim(Math.Round(actual / goal.Value * 100, 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>Numbers in rule texts: at most two decimals, no thousands separator (612.4, 900).</summary>
    public static string Format(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string FormatPercent(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
}
