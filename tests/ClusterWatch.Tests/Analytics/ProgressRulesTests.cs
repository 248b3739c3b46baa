using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Tests.Analytics;

public class ProgressRulesTests
{
    private static readonly ProgressRules Rules = new();

    // Amount 100 (2010) → 400 (2012): expected 200 in 2011 (100 × √4).
    private static readonly TargetGoal AmountGoal = new(Comparator.AtLeast, Direction.Increase, IndicatorKind.Amount, 400m, null, 2012, "亿元");
    private static readonly BaselineChoice AmountBaseline = new(100m, 2010, BaselineOrigin.Stated);

    [Fact]
    public void Actual_at_or_above_the_expected_value_is_on_track_and_the_rule_shows_the_numbers()
    {
        var result = Rules.Evaluate(AmountGoal, AmountBaseline, 2011, 210m, 2011);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Equal("达标", result.StatusLabel);
        Assert.Equal(200m, result.Expected);
        // 210 / 400 × 100 = 52.5.
        Assert.Equal(52.5m, result.PercentOfTarget);
        Assert.StartsWith("按复合增长轨迹，2011年应达 200 亿元（基数 2010年 100 → 目标 2012年 400）；实际 210 ≥ 应达值 → 达标", result.Rule);
        Assert.Contains("≥90% 为预警，否则滞后", result.Rule);
    }

    [Fact]
    public void Actual_exactly_at_the_expected_value_is_on_track()
    {
        Assert.Equal(ProgressStatus.OnTrack, Rules.Evaluate(AmountGoal, AmountBaseline, 2011, 200m, 2011).Status);
    }

    [Fact]
    public void Actual_between_ninety_percent_and_the_expected_value_is_a_warning()
    {
        var result = Rules.Evaluate(AmountGoal, AmountBaseline, 2011, 185m, 2011);
        // 185 / 200 = 92.5 %.
        Assert.Equal(ProgressStatus.Warning, result.Status);
        Assert.Equal("预警", result.StatusLabel);
        Assert.Contains("实际 185 为应达值的 92.5%，≥90% → 预警", result.Rule);
    }

    [Fact]
    public void Actual_at_exactly_ninety_percent_is_a_warning()
    {
        // 180 / 200 = 90 %.
        Assert.Equal(ProgressStatus.Warning, Rules.Evaluate(AmountGoal, AmountBaseline, 2011, 180m, 2011).Status);
    }

    [Fact]
    public void Actual_below_ninety_percent_is_lagging()
    {
        var result = Rules.Evaluate(AmountGoal, AmountBaseline, 2011, 170m, 2011);
        // 170 / 200 = 85 %.
        Assert.Equal(ProgressStatus.Lagging, result.Status);
        Assert.Equal("滞后", result.StatusLabel);
        Assert.Contains("实际 170 为应达值的 85%，<90% → 滞后", result.Rule);
    }

    [Fact]
    public void Warning_threshold_is_configurable()
    {
        var rules = new ProgressRules(new ProgressThresholds(WarningRatio: 0.80m));
        // 170 / 200 = 85 % ≥ 80 %.
        var result = rules.Evaluate(AmountGoal, AmountBaseline, 2011, 170m, 2011);
        Assert.Equal(ProgressStatus.Warning, result.Status);
        Assert.Contains("≥80% → 预警", result.Rule);
    }

    [Fact]
    public void About_target_is_on_track_from_ninety_five_percent_of_the_expected_value()
    {
        var goal = AmountGoal with { Comparator = Comparator.About };
        // 192 / 200 = 96 % ≥ 95 % → 达标; 188 / 200 = 94 % → 预警.
        var close = Rules.Evaluate(goal, AmountBaseline, 2011, 192m, 2011);
        Assert.Equal(ProgressStatus.OnTrack, close.Status);
        Assert.Contains("实际 192 ≥ 应达值的 95%（目标为约数） → 达标", close.Rule);
        Assert.Equal(ProgressStatus.Warning, Rules.Evaluate(goal, AmountBaseline, 2011, 188m, 2011).Status);
    }

    // Count upper bound 100 (2010) → at most 60 (2014): expected 80 in 2012 (100 − 40 × 2/4).
    private static readonly TargetGoal UpperBound = new(Comparator.AtMost, Direction.Increase, IndicatorKind.Count, 60m, null, 2014, "家");
    private static readonly BaselineChoice UpperBaseline = new(100m, 2010, BaselineOrigin.Stated);

    [Fact]
    public void Upper_bound_target_is_on_track_when_the_actual_is_at_or_below_the_expected_value()
    {
        var result = Rules.Evaluate(UpperBound, UpperBaseline, 2012, 78m, 2012);
        Assert.Equal(80m, result.Expected);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        // Inverted: 60 / 78 × 100 = 76.92 → 76.9.
        Assert.Equal(76.9m, result.PercentOfTarget);
        Assert.Contains("目标为上限，实际 78 ≤ 应达值 → 达标", result.Rule);
    }

    [Fact]
    public void Upper_bound_target_warns_when_the_expected_value_is_at_least_ninety_percent_of_the_actual()
    {
        // 80 / 85 = 94.1 %.
        var result = Rules.Evaluate(UpperBound, UpperBaseline, 2012, 85m, 2012);
        Assert.Equal(ProgressStatus.Warning, result.Status);
        Assert.Contains("应达值为实际的 94.1%，≥90% → 预警", result.Rule);
    }

    [Fact]
    public void Upper_bound_target_lags_when_the_actual_is_far_above_the_expected_value()
    {
        // 80 / 95 = 84.2 %.
        var result = Rules.Evaluate(UpperBound, UpperBaseline, 2012, 95m, 2012);
        Assert.Equal(ProgressStatus.Lagging, result.Status);
        Assert.Contains("应达值为实际的 84.2%，<90% → 滞后", result.Rule);
    }

    [Fact]
    public void Decreasing_indicator_is_judged_like_an_upper_bound()
    {
        var goal = UpperBound with { Comparator = Comparator.Equal, Direction = Direction.Decrease };
        var result = Rules.Evaluate(goal, UpperBaseline, 2012, 95m, 2012);
        Assert.Equal(ProgressStatus.Lagging, result.Status);
        Assert.Contains("指标越低越好", result.Rule);
    }

    [Fact]
    public void Range_target_is_judged_against_its_lower_bound()
    {
        // 1-2家 due 2012 from 0 in 2010: 2012 expects the lower bound 1.
        var goal = new TargetGoal(Comparator.Equal, Direction.Increase, IndicatorKind.Count, 1m, 2m, 2012, "家");
        var result = Rules.Evaluate(goal, new BaselineChoice(0m, 2010, BaselineOrigin.Stated), 2012, 1m, 2012);
        Assert.Equal(1m, result.Expected);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Contains("目标为区间 1–2，按下限考核", result.Rule);
    }

    [Fact]
    public void Without_an_actual_the_status_is_no_data_and_the_expected_value_is_still_given()
    {
        var result = Rules.Evaluate(AmountGoal, AmountBaseline, 2011, null, null);
        Assert.Equal(ProgressStatus.NoData, result.Status);
        Assert.Equal("无数据", result.StatusLabel);
        Assert.Equal(200m, result.Expected);
        Assert.Null(result.PercentOfTarget);
        Assert.Contains("截至 2011年无实际数据 → 无数据", result.Rule);
    }

    [Fact]
    public void An_older_actual_is_compared_with_the_value_expected_in_its_own_year()
    {
        // Selected 2012, latest data 2011: compared with 200 (2011), not 400 (2012).
        var result = Rules.Evaluate(AmountGoal, AmountBaseline, 2012, 210m, 2011);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Equal(2011, result.ExpectedYear);
        Assert.Contains("2011年实际（2012年尚无数据，取最近年份） 210 ≥ 应达值", result.Rule);
    }

    [Fact]
    public void Without_any_baseline_the_actual_is_compared_with_the_target_itself()
    {
        var result = Rules.Evaluate(AmountGoal, null, 2011, 380m, 2011);
        // 380 / 400 = 95 % → 预警.
        Assert.Equal(400m, result.Expected);
        Assert.Equal(ProgressStatus.Warning, result.Status);
        Assert.Contains("规划未列基数且无历年实际值", result.Rule);
    }

    [Fact]
    public void Linear_path_is_named_in_the_rule_for_counts()
    {
        var goal = new TargetGoal(Comparator.AtLeast, Direction.Increase, IndicatorKind.Count, 30m, null, 2015, "家");
        var result = Rules.Evaluate(goal, new BaselineChoice(10m, 2010, BaselineOrigin.ActualBeforeStart), 2012, 18m, 2012);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.StartsWith("按线性轨迹，2012年应达 18 家（基数 2010年 10（规划未列基数，取规划起始年前一年的实际值） → 目标 2015年 30）", result.Rule);
    }

    [Fact]
    public void Percent_of_target_rounds_half_away_from_zero()
    {
        // 17 / 16 × 100 = 106.25 → 106.3.
        var goal = new TargetGoal(Comparator.AtLeast, Direction.Increase, IndicatorKind.Amount, 16m, null, 2011, "亿元");
        Assert.Equal(106.3m, ProgressRules.PercentOfTarget(goal, 17m));
    }

    [Fact]
    public void Upper_bound_with_an_actual_of_zero_is_on_track_without_a_percentage()
    {
        var result = Rules.Evaluate(UpperBound, UpperBaseline, 2012, 0m, 2012);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        // target / actual is undefined for 0.
        Assert.Null(result.PercentOfTarget);
    }

    [Fact]
    public void Target_of_zero_is_met_by_zero_without_a_percentage()
    {
        var goal = new TargetGoal(Comparator.AtLeast, Direction.Increase, IndicatorKind.Count, 0m, null, 2012, "家");
        var result = Rules.Evaluate(goal, new BaselineChoice(0m, 2010, BaselineOrigin.Stated), 2012, 0m, 2012);
        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Null(result.PercentOfTarget);
    }
}
