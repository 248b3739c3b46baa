using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Plans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Tests.Analytics;

public class AttainmentForecastTests
{
    private static TargetGoal Goal(IndicatorKind kind, decimal value, int year, string unit, Direction direction = Direction.Increase, Comparator comparator = Comparator.AtLeast) =>
        new(comparator, direction, kind, value, null, year, unit);

    private static BaselineChoice Start(decimal value, int year) => new(value, year, BaselineOrigin.Stated);

    [Fact]
    public void Amount_uses_compound_growth_rates_and_the_formula_shows_the_numbers()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 900m, 2025, "亿元"), Start(500m, 2020), 2023, 612.4m);

        // (612.4/500)^(1/3) − 1 = 0.069929; (900/500)^(1/5) − 1 = 0.124746; R = 0.069929 / 0.124746 = 0.5606.
        Assert.Equal(ForecastMethod.Compound, forecast.Method);
        Assert.Equal(0.069929m, forecast.ObservedRate);
        Assert.Equal(0.124746m, forecast.RequiredRate);
        Assert.Equal(0.5606m, forecast.Ratio);
        Assert.Equal(ForecastStatus.LimitedProgress, forecast.Status);
        Assert.Equal("进展有限", forecast.StatusLabel);
        // 612.4 × 1.069929² = 701.0437.
        Assert.Equal(701.0437m, forecast.Projected);
        Assert.Equal((2020, 500m, 2023, 612.4m, 2025, 900m),
            (forecast.FromYear, forecast.FromValue, forecast.LatestYear, forecast.LatestValue, forecast.TargetYear, forecast.TargetValue));
        Assert.Contains("实际年均增长率 = (612.4/500)^(1/3) − 1 = 7.0%", forecast.Formula);
        Assert.Contains("所需年均增长率 = (900/500)^(1/5) − 1 = 12.5%", forecast.Formula);
        Assert.Contains("R = 7.0% ÷ 12.5% = 56.1%，介于 0 与 60% 之间 → 进展有限", forecast.Formula);
        Assert.Contains("2025年预计 701.04 亿元", forecast.Formula);
        Assert.Contains("limited progress", forecast.FormulaEn);
    }

    [Fact]
    public void Growth_at_exactly_the_required_compound_rate_is_on_track_and_projects_the_target()
    {
        // 100 → 121 in two years is 10 % a year; 100 → 161.051 in five years needs 10 % too.
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 161.051m, 2025, "亿元"), Start(100m, 2020), 2022, 121m);

        Assert.Equal(0.1m, forecast.ObservedRate);
        Assert.Equal(0.1m, forecast.RequiredRate);
        Assert.Equal(1m, forecast.Ratio);
        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        // 121 × 1.1³ = 161.051.
        Assert.Equal(161.051m, forecast.Projected);
    }

    [Fact]
    public void Count_uses_the_absolute_change_per_year()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 30m, 2025, "家"), Start(10m, 2020), 2023, 16m);

        // (16 − 10) / 3 = 2 a year; (30 − 10) / 5 = 4 a year; R = 0.5; 16 + 2 × 2 = 20 in 2025.
        Assert.Equal(ForecastMethod.Linear, forecast.Method);
        Assert.Equal(2m, forecast.ObservedRate);
        Assert.Equal(4m, forecast.RequiredRate);
        Assert.Equal(0.5m, forecast.Ratio);
        Assert.Equal(20m, forecast.Projected);
        Assert.Equal(ForecastStatus.LimitedProgress, forecast.Status);
        Assert.False(forecast.FellBackToLinear);
        Assert.Contains("实际年均变化 = (16 − 10) ÷ 3 = 2 家/年；所需年均变化 = (30 − 10) ÷ 5 = 4 家/年", forecast.Formula);
        Assert.Contains("R = 2 ÷ 4 = 50.0%", forecast.Formula);
    }

    [Fact]
    public void Ratio_uses_percentage_points_per_year()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Ratio, 25m, 2025, "%"), Start(20m, 2020), 2022, 23m);

        // (23 − 20) / 2 = 1.5 points a year; (25 − 20) / 5 = 1 point a year; R = 1.5; 23 + 1.5 × 3 = 27.5.
        Assert.Equal(ForecastMethod.Linear, forecast.Method);
        Assert.Equal(1.5m, forecast.ObservedRate);
        Assert.Equal(1m, forecast.RequiredRate);
        Assert.Equal(1.5m, forecast.Ratio);
        Assert.Equal(27.5m, forecast.Projected);
        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Contains("= 1.5个百分点/年", forecast.Formula);
    }

    [Fact]
    public void Target_already_met_is_achieved_without_any_rate()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 120m, 2025, "亿元"), Start(100m, 2020), 2023, 130m);

        Assert.Equal(ForecastStatus.Achieved, forecast.Status);
        Assert.Equal("已达成", forecast.StatusLabel);
        Assert.Null(forecast.Ratio);
        Assert.Null(forecast.ObservedRate);
        Assert.Equal(130m, forecast.Projected);
        Assert.Equal("2023年实际 130 亿元 ≥ 目标 2025年 120 亿元 → 已达成", forecast.Formula);
    }

    [Fact]
    public void Amount_with_a_baseline_of_zero_falls_back_to_the_linear_formula_and_says_so()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 10m, 2025, "亿元"), Start(0m, 2020), 2022, 3m);

        // (3 − 0) / 2 = 1.5; (10 − 0) / 5 = 2; R = 0.75 → 需加速; 3 + 1.5 × 3 = 7.5.
        Assert.Equal(ForecastMethod.Linear, forecast.Method);
        Assert.True(forecast.FellBackToLinear);
        Assert.Equal(1.5m, forecast.ObservedRate);
        Assert.Equal(2m, forecast.RequiredRate);
        Assert.Equal(0.75m, forecast.Ratio);
        Assert.Equal(7.5m, forecast.Projected);
        Assert.Equal(ForecastStatus.NeedsAcceleration, forecast.Status);
        Assert.Equal("需加速", forecast.StatusLabel);
        Assert.Contains("无法按复合增长率计算，改用线性公式", forecast.Formula);
    }

    [Fact]
    public void Decreasing_indicator_not_yet_met_compares_two_negative_rates()
    {
        var goal = Goal(IndicatorKind.Count, 40m, 2025, "起", Direction.Decrease);
        var forecast = AttainmentForecaster.Forecast(goal, Start(100m, 2020), 2022, 80m);

        // (80 − 100) / 2 = −10; (40 − 100) / 5 = −12; R = 0.8333 → 需加速; 80 − 10 × 3 = 50.
        Assert.Equal(-10m, forecast.ObservedRate);
        Assert.Equal(-12m, forecast.RequiredRate);
        Assert.Equal(0.8333m, forecast.Ratio);
        Assert.Equal(50m, forecast.Projected);
        Assert.Equal(ForecastStatus.NeedsAcceleration, forecast.Status);
        Assert.Contains("指标越低越好", forecast.Formula);
    }

    [Fact]
    public void Decreasing_amount_uses_negative_compound_rates()
    {
        var goal = Goal(IndicatorKind.Amount, 50m, 2025, "万吨", Direction.Decrease);
        var forecast = AttainmentForecaster.Forecast(goal, Start(100m, 2020), 2022, 90m);

        // 0.9^(1/2) − 1 = −0.051317; 0.5^(1/5) − 1 = −0.129449; R = 0.3964; 90 × 0.948683³ = 76.8433.
        Assert.Equal(-0.051317m, forecast.ObservedRate);
        Assert.Equal(-0.129449m, forecast.RequiredRate);
        Assert.Equal(0.3964m, forecast.Ratio);
        Assert.Equal(76.8433m, forecast.Projected);
        Assert.Equal(ForecastStatus.LimitedProgress, forecast.Status);
    }

    [Fact]
    public void Decreasing_indicator_that_rose_is_deterioration()
    {
        var goal = Goal(IndicatorKind.Count, 40m, 2025, "起", Direction.Decrease);
        var forecast = AttainmentForecaster.Forecast(goal, Start(100m, 2020), 2022, 110m);

        // +5 a year against −12 needed: R = −0.4167.
        Assert.Equal(5m, forecast.ObservedRate);
        Assert.Equal(-0.4167m, forecast.Ratio);
        Assert.Equal(ForecastStatus.Deterioration, forecast.Status);
        Assert.Equal("倒退", forecast.StatusLabel);
    }

    [Fact]
    public void Upper_bound_met_is_achieved()
    {
        var goal = Goal(IndicatorKind.Ratio, 40m, 2025, "%", comparator: Comparator.AtMost);
        var forecast = AttainmentForecaster.Forecast(goal, Start(100m, 2020), 2022, 35m);

        Assert.Equal(ForecastStatus.Achieved, forecast.Status);
        Assert.Contains("35% ≤ 目标 2025年 40%", forecast.Formula);
    }

    [Theory]
    // Required (200 − 100) / 5 = 20 a year; observed over one year = latest − 100.
    [InlineData("119", "0.95", ForecastStatus.OnTrack)]
    [InlineData("118.99", "0.9495", ForecastStatus.NeedsAcceleration)]
    [InlineData("112", "0.6", ForecastStatus.NeedsAcceleration)]
    [InlineData("111.99", "0.5995", ForecastStatus.LimitedProgress)]
    [InlineData("100", "0", ForecastStatus.LimitedProgress)]
    [InlineData("99.99", "-0.0005", ForecastStatus.Deterioration)]
    public void Class_boundaries_are_inclusive_at_95_and_60_percent_and_zero(string latest, string ratio, ForecastStatus expected)
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 200m, 2025, "家"), Start(100m, 2020), 2021, decimal.Parse(latest));

        Assert.Equal(decimal.Parse(ratio), forecast.Ratio);
        Assert.Equal(expected, forecast.Status);
    }

    [Fact]
    public void Thresholds_come_from_the_record()
    {
        var strict = new ForecastThresholds(OnTrack: 1m, NeedsAcceleration: 0.8m, LimitedProgress: 0m);
        // 19 / 20 = 0.95: on track by default, needs acceleration when on track starts at 100 %.
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 200m, 2025, "家"), Start(100m, 2020), 2021, 119m, strict);

        Assert.Equal(ForecastStatus.NeedsAcceleration, forecast.Status);
        Assert.Equal(ForecastStatus.LimitedProgress, AttainmentForecaster.Classify(0.79m, strict));
    }

    [Fact]
    public void No_actual_is_insufficient_data()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 900m, 2025, "亿元"), Start(500m, 2020), null, null);

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Equal("数据不足", forecast.StatusLabel);
        Assert.Null(forecast.Ratio);
        Assert.Null(forecast.Projected);
        Assert.Contains("尚无实际数据", forecast.Formula);
    }

    [Fact]
    public void A_single_data_point_is_insufficient_data()
    {
        // The earliest actual is the baseline and the latest actual at once.
        var start = new BaselineChoice(300m, 2023, BaselineOrigin.EarliestActual);
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 900m, 2025, "亿元"), start, 2023, 300m);

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Null(forecast.ObservedRate);
        Assert.Contains("仅有一个数据点", forecast.Formula);
    }

    [Fact]
    public void A_stated_baseline_after_the_latest_actual_is_insufficient_data()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Amount, 900m, 2025, "亿元"), Start(500m, 2020), 2019, 450m);

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Contains("起点 2020年晚于最新实际", forecast.Formula);
    }

    [Fact]
    public void A_required_rate_of_zero_is_insufficient_data_instead_of_a_division()
    {
        // Start equals the target, the latest value fell below it.
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 100m, 2025, "家"), Start(100m, 2020), 2022, 90m);

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Equal(0m, forecast.RequiredRate);
        Assert.Null(forecast.Ratio);
        Assert.Contains("所需年均变化为 0", forecast.Formula);
    }

    [Fact]
    public void Start_above_the_target_that_fell_below_it_is_deterioration()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 100m, 2025, "家"), Start(120m, 2020), 2022, 90m);

        Assert.Equal(ForecastStatus.Deterioration, forecast.Status);
        Assert.Null(forecast.Ratio);
        Assert.Contains("已达目标", forecast.Formula);
    }

    [Fact]
    public void Latest_actual_in_the_target_year_projects_itself()
    {
        var forecast = AttainmentForecaster.Forecast(Goal(IndicatorKind.Count, 30m, 2025, "家"), Start(10m, 2020), 2025, 25m);

        // 3 a year against 4: R = 0.75; nothing left to extrapolate.
        Assert.Equal(0.75m, forecast.Ratio);
        Assert.Equal(25m, forecast.Projected);
        Assert.DoesNotContain("预计", forecast.Formula);
    }
}

public class ForecastOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddClusterWatchAnalytics(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Thresholds_are_read_from_the_Forecast_section()
    {
        using var provider = Build(new() { ["Forecast:OnTrack"] = "1", ["Forecast:NeedsAcceleration"] = "0.7" });

        Assert.Equal(new ForecastThresholds(1m, 0.7m, 0m), provider.GetRequiredService<ForecastThresholds>());
    }

    [Fact]
    public void Thresholds_out_of_order_are_refused_with_a_Chinese_message()
    {
        using var provider = Build(new() { ["Forecast:OnTrack"] = "0.5", ["Forecast:NeedsAcceleration"] = "0.7" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ForecastThresholds>());
        Assert.Contains("OnTrack > NeedsAcceleration", error.Message);
    }
}
