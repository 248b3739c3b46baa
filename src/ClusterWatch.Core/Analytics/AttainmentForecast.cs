using System.Globalization;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Analytics;

/// <summary>The Open SDG progress classes of a target, by the ratio R of the observed rate to the required rate.</summary>
public enum ForecastStatus { Achieved = 0, OnTrack = 1, NeedsAcceleration = 2, LimitedProgress = 3, Deterioration = 4, InsufficientData = 5 }

/// <summary>How the rates are computed: compound annual growth for amounts, change per year for counts and ratios.</summary>
public enum ForecastMethod
{
    [JsonStringEnumMemberName("compound")] Compound = 0,
    [JsonStringEnumMemberName("linear")] Linear = 1,
}

/// <summary>Lower bounds of R for the classes (R ≥ OnTrack → 进展顺利, ≥ NeedsAcceleration → 需加速, ≥ LimitedProgress → 进展有限, else 倒退).</summary>
public sealed record ForecastThresholds(decimal OnTrack = 0.95m, decimal NeedsAcceleration = 0.60m, decimal LimitedProgress = 0m)
{
    public static ForecastThresholds Default { get; } = new();
}

/// <summary>
/// Where a target or allocation is heading (GET /api/plans/{id}/progress, "forecast"): rates as fractions per year for the compound
/// method (0.07 = 7%), in the indicator's unit per year for the linear one; Ratio = ObservedRate / RequiredRate.
/// </summary>
public sealed record AttainmentForecast(
    ForecastStatus Status,
    string StatusLabel,
    ForecastMethod Method,
    decimal? ObservedRate,
    decimal? RequiredRate,
    decimal? Ratio,
    decimal? Projected,
    int? FromYear,
    decimal? FromValue,
    int? LatestYear,
    decimal? LatestValue,
    int TargetYear,
    decimal TargetValue,
    string Formula,
    string FormulaEn)
{
    /// <summary>True when the method is linear only because a value was not positive (compound growth is undefined then).</summary>
    public bool FellBackToLinear { get; init; }

    /// <summary>Placeholder for a progress row built without a forecast (never returned by ProgressService).</summary>
    public static AttainmentForecast NotComputed { get; } = new(ForecastStatus.InsufficientData, "数据不足", ForecastMethod.Linear,
        null, null, null, null, null, null, null, null, 0, 0, "未测算 → 数据不足", "Not computed → insufficient data");
}

/// <summary>
/// The Open SDG progress measure: observed rate from the start (baseline or earliest actual) to the latest actual, the rate required
/// from the same start to reach the target in its year, and their ratio R, classified by <see cref="ForecastThresholds"/>.
/// </summary>
public static class AttainmentForecaster
{
    public const int RateDecimals = 6;
    public const int RatioDecimals = 4;
    public const int ValueDecimals = 4;

    public static string Label(ForecastStatus status) => status switch
    {
        ForecastStatus.Achieved => "已达成",
        ForecastStatus.OnTrack => "进展顺利",
        ForecastStatus.NeedsAcceleration => "需加速",
        ForecastStatus.LimitedProgress => "进展有限",
        ForecastStatus.Deterioration => "倒退",
        _ => "数据不足",
    };

    public static string EnglishLabel(ForecastStatus status) => status switch
    {
        ForecastStatus.Achieved => "achieved",
        ForecastStatus.OnTrack => "on track",
        ForecastStatus.NeedsAcceleration => "needs acceleration",
        ForecastStatus.LimitedProgress => "limited progress",
        ForecastStatus.Deterioration => "deterioration",
        _ => "insufficient data",
    };

    /// <summary>Classifies a ratio R (already rounded as shown) by the thresholds.</summary>
    public static ForecastStatus Classify(decimal ratio, ForecastThresholds? thresholds = null)
    {
        var t = thresholds ?? ForecastThresholds.Default;
        if (ratio >= t.OnTrack) return ForecastStatus.OnTrack;
        if (ratio >= t.NeedsAcceleration) return ForecastStatus.NeedsAcceleration;
        if (ratio >= t.LimitedProgress) return ForecastStatus.LimitedProgress;
        return ForecastStatus.Deterioration;
    }

    /// <summary>True when the value meets the goal in its direction (≤ for lower-is-better goals, ≥ the lower bound otherwise).</summary>
    public static bool Meets(TargetGoal goal, decimal value) => goal.LowerIsBetter ? value <= goal.Value : value >= goal.Value;

    /// <summary>
    /// Forecasts one goal from its start point (the baseline choice, or the earliest actual) and the latest actual up to the selected year.
    /// Never divides by zero: one data point, a start not before the latest actual or the target year, or a required rate of zero give 数据不足.
    /// </summary>
    public static AttainmentForecast Forecast(TargetGoal goal, BaselineChoice? start, int? latestYear, decimal? latestValue, ForecastThresholds? thresholds = null)
    {
        var t = thresholds ?? ForecastThresholds.Default;
        var preferred = Trajectory.ShapeFor(goal.Kind) == TrajectoryShape.Compound ? ForecastMethod.Compound : ForecastMethod.Linear;
        var unit = goal.Unit ?? "";
        var targetText = $"目标 {goal.Year}年 {Num(goal.Value)}{Spaced(unit)}";
        var targetEn = $"target {Num(goal.Value)}{Spaced(unit)} in {goal.Year}";

        AttainmentForecast Result(ForecastStatus status, ForecastMethod method, decimal? observed, decimal? required, decimal? ratio, decimal? projected, string formula, string formulaEn, bool fellBack = false) =>
            new(status, Label(status), method, observed, required, ratio, projected, start?.Year, start?.Value, latestYear, latestValue, goal.Year, goal.Value, formula, formulaEn)
            { FellBackToLinear = fellBack };

        if (latestValue is not { } latest || latestYear is not { } ly)
            return Result(ForecastStatus.InsufficientData, preferred, null, null, null, null,
                $"尚无实际数据，无法测算（{targetText}）→ 数据不足", $"No actual data yet ({targetEn}) → insufficient data");

        var latestText = $"{ly}年实际 {Num(latest)}{Spaced(unit)}";
        if (Meets(goal, latest))
        {
            var sign = goal.LowerIsBetter ? "≤" : "≥";
            return Result(ForecastStatus.Achieved, preferred, null, null, null, latest,
                $"{latestText} {sign} {targetText} → 已达成", $"{ly} actual {Num(latest)}{Spaced(unit)} {sign} {targetEn} → achieved");
        }

        if (start is not null && start.Year > ly)
            return Result(ForecastStatus.InsufficientData, preferred, null, null, null, null,
                $"起点 {start.Year}年晚于最新实际（{latestText}），无法计算年均变化 → 数据不足",
                $"The start year {start.Year} is after the latest actual ({ly}) → insufficient data");
        if (start is null || start.Year == ly)
            return Result(ForecastStatus.InsufficientData, preferred, null, null, null, null,
                $"仅有一个数据点（{latestText}），无法计算年均变化 → 数据不足",
                $"Only one data point ({ly}: {Num(latest)}), no rate can be computed → insufficient data");
        if (goal.Year <= start.Year)
            return Result(ForecastStatus.InsufficientData, preferred, null, null, null, null,
                $"起点 {start.Year}年不早于目标年份 {goal.Year}年，无法计算所需年均变化 → 数据不足",
                $"The start year {start.Year} is not before the target year {goal.Year} → insufficient data");

        var fellBack = preferred == ForecastMethod.Compound && (start.Value <= 0 || latest <= 0 || goal.Value <= 0);
        var method = fellBack ? ForecastMethod.Linear : preferred;
        var observedYears = ly - start.Year;
        var requiredYears = goal.Year - start.Year;
        var remainingYears = Math.Max(0, goal.Year - ly);

        decimal observed, required;
        if (method == ForecastMethod.Compound)
        {
            observed = Round(Cagr(start.Value, latest, observedYears), RateDecimals);
            required = Round(Cagr(start.Value, goal.Value, requiredYears), RateDecimals);
        }
        else
        {
            observed = Round((latest - start.Value) / observedYears, RateDecimals);
            required = Round((goal.Value - start.Value) / requiredYears, RateDecimals);
        }
        var projected = method == ForecastMethod.Compound
            ? Round(latest * (decimal)Math.Pow(1 + (double)observed, remainingYears), ValueDecimals)
            : Round(latest + observed * remainingYears, ValueDecimals);

        var texts = new RateTexts(method, fellBack, start, ly, latest, goal, unit, observed, required, observedYears, requiredYears);
        var projectionText = ly >= goal.Year ? "" : $"；按实际速度，{goal.Year}年预计 {Num(projected)}{Spaced(unit)}";
        var projectionEn = ly >= goal.Year ? "" : $"; at the observed pace, {Num(projected)}{Spaced(unit)} in {goal.Year}";

        if (required == 0)
            return Result(ForecastStatus.InsufficientData, method, observed, required, null, projected,
                $"{texts.Chinese}；所需年均变化为 0（起点等于目标）而尚未达标，无法计算 R → 数据不足",
                $"{texts.English}; the required rate is 0 (start equals the target) yet the target is not met, R is undefined → insufficient data", fellBack);
        if (Math.Sign(required) != (goal.LowerIsBetter ? -1 : 1))
            // The start already met the target and the latest value no longer does: it has gone backwards.
            return Result(ForecastStatus.Deterioration, method, observed, required, null, projected,
                $"{texts.Chinese}；起点 {start.Year}年 {Num(start.Value)} 已达目标，{latestText} 回落至未达标 → 倒退{projectionText}",
                $"{texts.English}; the start already met the target and the latest value no longer does → deterioration{projectionEn}", fellBack);

        var ratio = Round(observed / required, RatioDecimals);
        var status = Classify(ratio, t);
        var classText = status switch
        {
            ForecastStatus.OnTrack => $"≥ {Bound(t.OnTrack)}",
            ForecastStatus.NeedsAcceleration => $"介于 {Bound(t.NeedsAcceleration)} 与 {Bound(t.OnTrack)} 之间",
            ForecastStatus.LimitedProgress => $"介于 {Bound(t.LimitedProgress)} 与 {Bound(t.NeedsAcceleration)} 之间",
            _ => $"< {Bound(t.LimitedProgress)}",
        };
        var classEn = status switch
        {
            ForecastStatus.OnTrack => $"≥ {Bound(t.OnTrack)}",
            ForecastStatus.NeedsAcceleration => $"between {Bound(t.NeedsAcceleration)} and {Bound(t.OnTrack)}",
            ForecastStatus.LimitedProgress => $"between {Bound(t.LimitedProgress)} and {Bound(t.NeedsAcceleration)}",
            _ => $"< {Bound(t.LimitedProgress)}",
        };
        return Result(status, method, observed, required, ratio, projected,
            $"{texts.Chinese}；R = {texts.ObservedShort} ÷ {texts.RequiredShort} = {Pct(ratio)}，{classText} → {Label(status)}{projectionText}",
            $"{texts.English}; R = {texts.ObservedShort} / {texts.RequiredShort} = {Pct(ratio)}, {classEn} → {EnglishLabel(status)}{projectionEn}", fellBack);
    }

    /// <summary>(to/from)^(1/years) − 1; callers guarantee positive values and years.</summary>
    public static decimal Cagr(decimal from, decimal to, int years) =>
        (decimal)(Math.Pow((double)(to / from), 1.0 / years) - 1);

    private sealed class RateTexts
    {
        public string Chinese { get; }
        public string English { get; }
        public string ObservedShort { get; }
        public string RequiredShort { get; }

        public RateTexts(ForecastMethod method, bool fellBack, BaselineChoice start, int latestYear, decimal latest, TargetGoal goal, string unit,
            decimal observed, decimal required, int observedYears, int requiredYears)
        {
            var startText = $"起点{(start.Origin == BaselineOrigin.Stated ? "为基数" : start.Origin == BaselineOrigin.ActualBeforeStart ? "为规划起始前一年实际值" : "为最早实际值")} {start.Year}年 {Num(start.Value)}";
            var lower = goal.LowerIsBetter ? "（指标越低越好，两者均应为负）" : "";
            var lowerEn = goal.LowerIsBetter ? " (lower is better: both rates should be negative)" : "";
            if (method == ForecastMethod.Compound)
            {
                ObservedShort = Pct(observed);
                RequiredShort = Pct(required);
                Chinese = $"{startText}；实际年均增长率 = ({Num(latest)}/{Num(start.Value)})^(1/{observedYears}) − 1 = {ObservedShort}；" +
                          $"所需年均增长率 = ({Num(goal.Value)}/{Num(start.Value)})^(1/{requiredYears}) − 1 = {RequiredShort}{lower}";
                English = $"start {Num(start.Value)} in {start.Year}; observed annual growth = ({Num(latest)}/{Num(start.Value)})^(1/{observedYears}) − 1 = {ObservedShort}; " +
                          $"required = ({Num(goal.Value)}/{Num(start.Value)})^(1/{requiredYears}) − 1 = {RequiredShort}{lowerEn}";
            }
            else
            {
                var perYear = unit == "%" ? "个百分点/年" : string.IsNullOrEmpty(unit) ? "/年" : $" {unit}/年";
                var perYearEn = unit == "%" ? " points/year" : string.IsNullOrEmpty(unit) ? "/year" : $" {unit}/year";
                ObservedShort = Rate(observed);
                RequiredShort = Rate(required);
                var fallback = fellBack ? "（起点、最新值或目标不为正，无法按复合增长率计算，改用线性公式）" : "";
                var fallbackEn = fellBack ? " (a value is not positive, so compound growth is undefined: linear formula used)" : "";
                Chinese = $"{startText}{fallback}；实际年均变化 = ({Num(latest)} − {Num(start.Value)}) ÷ {observedYears} = {ObservedShort}{perYear}；" +
                          $"所需年均变化 = ({Num(goal.Value)} − {Num(start.Value)}) ÷ {requiredYears} = {RequiredShort}{perYear}{lower}";
                English = $"start {Num(start.Value)} in {start.Year}{fallbackEn}; observed change = ({Num(latest)} − {Num(start.Value)}) / {observedYears} = {ObservedShort}{perYearEn}; " +
                          $"required = ({Num(goal.Value)} − {Num(start.Value)}) / {requiredYears} = {RequiredShort}{perYearEn}{lowerEn}";
            }
        }
    }

    private static decimal Round(decimal value, int decimals) => Trajectory.Trim(Math.Round(value, decimals, MidpointRounding.AwayFromZero));

    private static string Spaced(string unit) => string.IsNullOrEmpty(unit) ? "" : unit == "%" ? "%" : " " + unit;

    private static string Num(decimal value) => ProgressRules.Format(value);

    /// <summary>A linear rate with up to four decimals, so 0.125 家/年 is not shown as 0.13.</summary>
    private static string Rate(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A class threshold as written in the rule: 95%, 60%, 0.</summary>
    private static string Bound(decimal fraction) => fraction == 0 ? "0" :
        Math.Round(fraction * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A fraction as a percentage with one decimal: 0.0702 → 7.0%.</summary>
    public static string Pct(decimal fraction) =>
        Math.Round(fraction * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
