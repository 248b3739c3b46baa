using System.Globalization;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Infrastructure;
using ClusterWatch.Web.Pages;

namespace ClusterWatch.Tests.Browser;

/// <summary>How the UI writes amounts, targets and languages (plain functions, no app).</summary>
public sealed class DashboardFormattingTests
{
    [Theory]
    [InlineData("123456.7", "12.35 亿元")]
    [InlineData("123456789", "12,345.68 亿元")]
    [InlineData("5000", "0.50 亿元")]
    public void Yi_shows_an_amount_held_in_wan_as_yi_with_two_decimals(string wan, string expected) =>
        Assert.Equal(expected, Format.Yi(decimal.Parse(wan, CultureInfo.InvariantCulture)));

    [Fact]
    public void Wan_keeps_wan_with_thousand_separators_and_no_trailing_zeros() =>
        Assert.Equal("1,234.5 万元", Format.Wan(1234.50m));

    [Fact]
    public void Value_without_a_number_is_a_dash_and_percent_units_stick_to_the_number()
    {
        Assert.Equal("—", Format.Value(null, "亿元"));
        Assert.Equal("35%", Format.Value(35m, "%"));
        Assert.Equal("2,800 亿元", Format.Value(2800m, "亿元"));
    }

    [Theory]
    [InlineData(">=", "10", null, "家", "≥ 10 家")]
    [InlineData("~", "900", null, "亿元", "约 900 亿元")]
    [InlineData("=", "1", "2", "家", "1–2 家")]
    [InlineData("<=", "5", null, "%", "≤ 5%")]
    [InlineData("=", "700", null, "亿元", "700 亿元")]
    public void Target_text_puts_the_comparator_before_the_value_and_unit(string comparator, string value, string? max, string unit, string expected)
    {
        using var _ = new CultureScope("zh-CN");
        Assert.Equal(expected, IndexModel.TargetText(comparator, decimal.Parse(value, CultureInfo.InvariantCulture),
            max is null ? null : decimal.Parse(max, CultureInfo.InvariantCulture), unit));
    }

    [Theory]
    [InlineData("440311", "440300")]
    [InlineData("4403DP", "440300")]
    [InlineData("440300", "440000")]
    [InlineData("440000", "100000")]
    public void A_region_is_drawn_on_the_map_of_its_parent(string seriesCode, string mapCode) =>
        Assert.Equal(mapCode, IndexModel.ParentMapCode(seriesCode));

    [Fact]
    public void Default_plan_is_the_2010_2012_work_plan_even_when_another_has_more_allocations()
    {
        IndexModel.PlanOption Plan(int id, string slug, int allocations) => new(id, slug, slug, "440300", 2010, 2012, allocations);
        var plans = new[] { Plan(1, "shenzhen-bio-plan-2009-2015", 80), Plan(2, "shenzhen-bio-internet-newenergy-workplan-2010-2012", 54) };

        Assert.Equal(2, IndexModel.DefaultPlan(plans).Id);
        Assert.Equal(1, IndexModel.DefaultPlan([plans[0], Plan(3, "guangzhou", 0)]).Id);
    }

    [Fact]
    public void Every_string_has_a_Chinese_and_an_English_text()
    {
        Assert.All(Strings.Table, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.Zh), entry.Key);
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.En), entry.Key);
        });
    }

    [Fact]
    public void Strings_follow_the_current_UI_culture()
    {
        var strings = new Strings();
        using (new CultureScope("zh-CN")) Assert.Equal("进度看板", strings["nav.dashboard"]);
        using (new CultureScope("en")) Assert.Equal("Progress", strings["nav.dashboard"]);
        using (new CultureScope("en")) Assert.Equal("Plans", strings.T("规划列表", "Plans"));
    }

    [Fact]
    public void District_breakdown_joins_historical_districts_by_series_code_and_flags_Dapeng_as_not_on_the_map()
    {
        AllocationProgress Allocation(int id, string code, string series, string name, int year) =>
            new(id, "生物产业规模", "亿元", code, series, name, year, 10m, 5m, 50m, ProgressStatus.Lagging, "滞后");
        var allocations = new[]
        {
            Allocation(1, "440300", "440300", "深圳市", 2012),
            Allocation(2, "440305", "440305", "南山区", 2012),
            Allocation(3, "4403GM", "440311", "光明新区", 2012),
            Allocation(4, "4403DP", "4403DP", "大鹏新区", 2012),
            Allocation(5, "440305", "440305", "南山区", 2011),
        };
        IReadOnlySet<string> Shenzhen(string map) => map == "440300" ? new HashSet<string> { "440305", "440311" } : new HashSet<string>();

        var breakdown = IndexModel.DistrictBreakdown.Build(allocations, "440300", 2025, Shenzhen)!;

        Assert.Equal(2012, breakdown.Year);
        Assert.Equal("440300", breakdown.MapCode);
        Assert.Equal(["南山区", "光明新区", "大鹏新区"], breakdown.Rows.Select(r => r.Allocation.Region));
        var guangming = breakdown.Rows.Single(r => r.Allocation.Region == "光明新区");
        Assert.True(guangming.OnMap && guangming.IsHistorical);
        Assert.False(breakdown.Rows.Single(r => r.Allocation.Region == "大鹏新区").OnMap);
        Assert.Equal(2011, IndexModel.DistrictBreakdown.Build(allocations, "440300", 2011, Shenzhen)!.Year);
    }

    [Fact]
    public void Every_forecast_class_has_its_own_colour_class_and_a_label_in_both_languages()
    {
        var classes = Enum.GetValues<ForecastStatus>();
        Assert.Equal(classes.Length, classes.Select(IndexModel.ForecastCss).Distinct().Count());
        using (new CultureScope("zh-CN")) Assert.Equal("需加速", IndexModel.ForecastText(ForecastStatus.NeedsAcceleration));
        using (new CultureScope("en")) Assert.Equal("Needs acceleration", IndexModel.ForecastText(ForecastStatus.NeedsAcceleration));
        var site = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ClusterWatch.Web", "wwwroot", "css", "site.css"));
        Assert.All(classes, c => Assert.Contains("." + IndexModel.ForecastCss(c) + " {", site));
    }

    [Fact]
    public void Forecast_rates_read_as_percent_for_compound_growth_and_as_units_per_year_for_linear_change()
    {
        using var _ = new CultureScope("zh-CN");
        var compound = AttainmentForecaster.Forecast(new(Comparator.AtLeast, Direction.Increase, IndicatorKind.Amount, 900m, null, 2025, "亿元"),
            new BaselineChoice(500m, 2020, BaselineOrigin.Stated), 2023, 612.4m);
        Assert.Equal("7.0%/年", IndexModel.RateText(compound, compound.ObservedRate, "亿元"));
        var points = AttainmentForecaster.Forecast(new(Comparator.AtLeast, Direction.Increase, IndicatorKind.Ratio, 25m, null, 2025, "%"),
            new BaselineChoice(20m, 2020, BaselineOrigin.Stated), 2022, 23m);
        Assert.Equal("1.5个百分点/年", IndexModel.RateText(points, points.ObservedRate, "%"));
        Assert.Equal("—", IndexModel.RateText(points, null, "%"));
    }

    [Theory]
    [InlineData("/Plans?x=1", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example.com", false)]
    [InlineData("/\\evil.example.com", false)]
    [InlineData("https://evil.example.com", false)]
    [InlineData("", false)]
    public void Only_local_paths_are_accepted_as_return_urls(string url, bool local) =>
        Assert.Equal(local, LocalizationSetup.IsLocalUrl(url));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        public void Dispose() { CultureInfo.CurrentCulture = _culture; CultureInfo.CurrentUICulture = _uiCulture; }
    }
}
