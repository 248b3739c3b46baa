using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Analytics;

public enum TrajectoryShape { Compound = 0, Linear = 1 }

/// <summary>The path from a baseline (value, year) to a target (value, year); Shape is the one actually used.</summary>
public sealed record TrajectoryPath(decimal Baseline, int BaselineYear, decimal Target, int TargetYear, TrajectoryShape Shape, bool FellBackToLinear)
{
    public decimal ExpectedAt(int year) => Trajectory.Expected(this, year);

    /// <summary>Chinese name of the shape for the rule text, e.g. 复合增长轨迹.</summary>
    public string ShapeLabel => Shape == TrajectoryShape.Compound ? "复合增长轨迹" : FellBackToLinear ? "线性轨迹（基数或目标不为正，无法按复合增长计算）" : "线性轨迹";
}

/// <summary>Where the baseline of a trajectory came from.</summary>
public enum BaselineOrigin { Stated = 0, ActualBeforeStart = 1, EarliestActual = 2 }

public sealed record BaselineChoice(decimal Value, int Year, BaselineOrigin Origin)
{
    public string Describe() => Origin switch
    {
        BaselineOrigin.Stated => $"基数 {Year}年 {ProgressRules.Format(Value)}",
        BaselineOrigin.ActualBeforeStart => $"基数 {Year}年 {ProgressRules.Format(Value)}（规划未列基数，取规划起始年前一年的实际值）",
        _ => $"基数 {Year}年 {ProgressRules.Format(Value)}（规划未列基数，取最早的实际值）",
    };
}

/// <summary>Expected values on the way from a baseline to a target: compound growth for amounts, linear for counts and ratios.</summary>
public static class Trajectory
{
    public static TrajectoryShape ShapeFor(IndicatorKind kind) => kind == IndicatorKind.Amount ? TrajectoryShape.Compound : TrajectoryShape.Linear;

    /// <summary>Builds the path; compound growth needs a positive baseline and target, otherwise it falls back to linear.</summary>
    public static TrajectoryPath Path(decimal baseline, int baselineYear, decimal target, int targetYear, IndicatorKind kind)
    {
        var shape = ShapeFor(kind);
        var fellBack = shape == TrajectoryShape.Compound && (baseline <= 0 || target <= 0);
        return new TrajectoryPath(baseline, baselineYear, target, targetYear, fellBack ? TrajectoryShape.Linear : shape, fellBack);
    }

    public static decimal Expected(decimal baseline, int baselineYear, decimal target, int targetYear, int year, IndicatorKind kind) =>
        Expected(Path(baseline, baselineYear, target, targetYear, kind), year);

    public static decimal Expected(TrajectoryPath path, int year)
    {
        // Target year first, so that a baseline in the target year (T == y0) yields the target there and the baseline before.
        if (year >= path.TargetYear) return path.Target;
        if (year <= path.BaselineYear) return path.Baseline;
        var fraction = (decimal)(year - path.BaselineYear) / (path.TargetYear - path.BaselineYear);
        if (path.Shape == TrajectoryShape.Linear)
            return Trim(Math.Round(path.Baseline + (path.Target - path.Baseline) * fraction, 4, MidpointRounding.AwayFromZero));
        var growth = Math.Pow((double)(path.Target / path.Baseline), (double)fraction);
        return Trim(Math.Round(path.Baseline * (decimal)growth, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>Drops trailing zeros (2.0000 → 2) so JSON and texts show the value as written.</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>
    /// The plan's stated baseline if any; otherwise the actual in the year before the plan starts, otherwise the earliest actual.
    /// Returns null when there is neither.
    /// </summary>
    public static BaselineChoice? ChooseBaseline(decimal? stated, int? statedYear, int? planStart, IReadOnlyDictionary<int, decimal> actualsByYear)
    {
        if (stated is { } s && statedYear is { } sy) return new BaselineChoice(s, sy, BaselineOrigin.Stated);
        if (planStart is { } start && actualsByYear.TryGetValue(start - 1, out var before))
            return new BaselineChoice(before, start - 1, BaselineOrigin.ActualBeforeStart);
        if (actualsByYear.Count == 0) return null;
        var earliest = actualsByYear.Keys.Min();
        return new BaselineChoice(actualsByYear[earliest], earliest, BaselineOrigin.EarliestActual);
    }
}
