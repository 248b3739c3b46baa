using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Analytics;

/// <summary>
/// GET /api/plans/{id}/progress on a small fixed dataset of its own (a test city 测试市D with its own districts, indicators and
/// three enterprises), seeded into the app's database next to the demo data and measured through HTTP.
/// </summary>
public abstract class ProgressApiTests(AppFactory app)
{
    private static readonly ConcurrentDictionary<AppFactory, Lazy<Task<int>>> Seeded = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private Task<int> PlanId => Seeded.GetOrAdd(app, a => new Lazy<Task<int>>(() => SeedAsync(a))).Value;

    private async Task<PlanProgress> GetProgressAsync(int year)
    {
        var response = await app.Client().GetAsync($"/api/plans/{await PlanId}/progress?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlanProgress>(Json))!;
    }

    private static TargetProgress Target(PlanProgress progress, string indicator, string region) =>
        Assert.Single(progress.Targets, t => t.Indicator == indicator && t.Region == region);

    [Fact]
    public async Task Output_of_the_historical_pingshan_new_area_is_measured_by_production_place_on_pingshan_district()
    {
        var t = Target(await GetProgressAsync(2011), "D测试产业产值", "测试坪山新区D");
        // 2011 by production place in 坪山 (series of 坪山新区): E1 90,000 × 1 + E2 40,000 (no sites) + E3 160,000 × 0.25
        // = 170,000 万元 = 17 亿元. Baseline: no stated one, so 2010's actual: 70,000 + 30,000 + 100,000 × 0.25 = 12.5 亿元.
        Assert.Equal(17m, t.Actual);
        Assert.Equal(2011, t.ActualYear);
        Assert.Equal(12.5m, t.Baseline);
        Assert.Equal(2010, t.BaselineYear);
        // 12.5 × (20 / 12.5)^(1/2) = 12.5 × 1.264911 = 15.8114.
        Assert.Equal(15.8114m, t.Expected);
        Assert.Equal(ProgressStatus.OnTrack, t.Status);
        // 17 / 20 = 85 %.
        Assert.Equal(85.0m, t.PercentOfTarget);
        Assert.Equal("企业数据汇总（产值发生地）", t.ActualSource);
        Assert.False(t.ActualIsSynthetic);
        Assert.Contains("按复合增长轨迹，2011年应达 15.81 亿元", t.Rule);
        Assert.Equal(
            [new SeriesPoint(2010, 12.5m, 12.5m), new SeriesPoint(2011, 17m, 15.8114m), new SeriesPoint(2012, null, 20m)],
            t.Series);
    }

    [Fact]
    public async Task City_output_against_a_stated_baseline_and_an_about_target_lags()
    {
        var t = Target(await GetProgressAsync(2011), "D测试产业产值", "测试市D");
        // 2011 all production: 90,000 + 40,000 + 160,000 = 290,000 万元 = 29 亿元.
        Assert.Equal(29m, t.Actual);
        Assert.Equal(20m, t.Baseline);
        // 20 × (60/20)^(1/2) = 20 × 1.7320508 = 34.641; 29 / 34.641 = 83.7 % < 90 %.
        Assert.Equal(34.641m, t.Expected);
        Assert.Equal("~", t.Comparator);
        Assert.Equal(ProgressStatus.Lagging, t.Status);
        Assert.Equal("滞后", t.StatusLabel);
        // 29 / 60 = 48.33 %.
        Assert.Equal(48.3m, t.PercentOfTarget);
        Assert.Contains("实际 29 为应达值的 83.7%，<90% → 滞后", t.Rule);
    }

    [Fact]
    public async Task Tier_count_by_registration_includes_the_enterprise_at_exactly_ten_yi()
    {
        var progress = await GetProgressAsync(2011);
        var t = Target(progress, "D测试超十亿元企业数", "测试南山D");
        // Registered in 南山 with revenue ≥ 100,000 万元 in 2011: E1 (exactly 100,000) and E3 (200,000).
        Assert.Equal(2m, t.Actual);
        // 2010: only E3 (150,000; E1 had 80,000) → baseline 1; linear 1 + (3 − 1) × 1/2 = 2.
        Assert.Equal(1m, t.Baseline);
        Assert.Equal(2m, t.Expected);
        Assert.Equal(ProgressStatus.OnTrack, t.Status);
        Assert.Equal(66.7m, t.PercentOfTarget);
        Assert.Equal("线性", t.Trajectory);
    }

    [Fact]
    public async Task Tier_count_by_production_place_counts_the_nanshan_enterprise_in_pingshan()
    {
        var t = Target(await GetProgressAsync(2011), "D测试超十亿元企业数（产值发生地）", "测试坪山区D");
        // E1 (registered 南山, producing only in 坪山) counts here; E3 produces mostly in 南山 (0.75); E2 is below the tier.
        Assert.Equal(1m, t.Actual);
        // 2010: E1 below the tier → baseline 0; linear 0 + 3 × 1/2 = 1.5; 1 / 1.5 = 66.7 % → 滞后.
        Assert.Equal(0m, t.Baseline);
        Assert.Equal(1.5m, t.Expected);
        Assert.Equal(ProgressStatus.Lagging, t.Status);
    }

    [Fact]
    public async Task Reported_values_prefer_statistics_over_synthetic_ones()
    {
        var progress = await GetProgressAsync(2011);
        var t = Target(progress, "D测试新药批件数", "测试市D");
        // 2011: statistics 6.5 beats the synthetic 9. Baseline 2010 statistics 4; linear 4 + 6 × 1/2 = 7; 6.5 / 7 = 92.9 % → 预警.
        Assert.Equal(6.5m, t.Actual);
        Assert.Equal("统计数据", t.ActualSource);
        Assert.False(t.ActualIsSynthetic);
        Assert.Equal(7m, t.Expected);
        Assert.Equal(ProgressStatus.Warning, t.Status);
        Assert.Contains("92.9%", t.Rule);
    }

    [Fact]
    public async Task A_year_after_the_plan_uses_the_latest_actual_and_its_own_expected_value()
    {
        var t = Target(await GetProgressAsync(2020), "D测试产业产值", "测试坪山新区D");
        // The test enterprises report up to 2011 only: 17 亿元 against 2011's expected 15.8114 (see above).
        Assert.Equal(17m, t.Actual);
        Assert.Equal(2011, t.ActualYear);
        Assert.Equal(15.8114m, t.Expected);
        Assert.Equal(2011, t.ExpectedYear);
        Assert.Equal(ProgressStatus.OnTrack, t.Status);
        Assert.Contains("2011年实际（2020年尚无数据，取最近年份） 17", t.Rule);
    }

    [Fact]
    public async Task Target_without_any_actual_has_no_data()
    {
        var t = Target(await GetProgressAsync(2011), "D测试新药批件数", "测试南山D");
        Assert.Null(t.Actual);
        Assert.Equal(ProgressStatus.NoData, t.Status);
        Assert.Equal("无数据", t.StatusLabel);
    }

    [Fact]
    public async Task Allocations_are_measured_on_their_district_for_their_year()
    {
        var progress = await GetProgressAsync(2011);
        var pingshan = Assert.Single(progress.Allocations, a => a.Region == "测试坪山区D");
        // 17 亿元 against the 2011 share of 16: 17 / 16 = 106.25 % → 106.3.
        Assert.Equal(17m, pingshan.Actual);
        Assert.Equal(106.3m, pingshan.PercentOfTarget);
        Assert.Equal(ProgressStatus.OnTrack, pingshan.Status);
        var nanshan = Assert.Single(progress.Allocations, a => a.Region == "测试南山D");
        // 南山 by production place: E3 160,000 × 0.75 = 12 亿元; from 7.5 (2010) to 30 (2012): 7.5 × √4 = 15; 12 / 15 = 80 %.
        Assert.Equal(12m, nanshan.Actual);
        Assert.Equal(15m, nanshan.Expected);
        Assert.Equal(40.0m, nanshan.PercentOfTarget);
        Assert.Equal(ProgressStatus.Lagging, nanshan.Status);
    }

    [Fact]
    public async Task Plan_years_and_the_synthetic_flag_come_with_the_progress()
    {
        var progress = await GetProgressAsync(2011);
        Assert.Equal([2011, 2012], progress.Years);
        Assert.Equal(2011, progress.Year);
        Assert.False(progress.UsesSyntheticData);
        Assert.Equal(6, progress.Targets.Count);
    }

    [Fact]
    public async Task Enum_values_are_sent_as_strings()
    {
        var text = await app.Client().GetStringAsync($"/api/plans/{await PlanId}/progress?year=2011");
        Assert.Contains("\"status\":\"OnTrack\"", text);
        Assert.Contains("\"status\":\"NoData\"", text);
    }

    [Fact]
    public async Task Target_forecast_compares_the_observed_and_required_compound_rates_of_its_series()
    {
        var t = Target(await GetProgressAsync(2011), "D测试产业产值", "测试坪山新区D");
        var f = t.Forecast;
        // From the 2010 actual 12.5 to 17 in 2011: 17 / 12.5 − 1 = 0.36; required (20 / 12.5)^(1/2) − 1 = 0.264911;
        // R = 0.36 / 0.264911 = 1.3589 → 进展顺利; 17 × 1.36 = 23.12 in 2012.
        Assert.Equal(ForecastMethod.Compound, f.Method);
        Assert.Equal((2010, 12.5m, 2011, 17m, 2012, 20m), (f.FromYear, f.FromValue, f.LatestYear, f.LatestValue, f.TargetYear, f.TargetValue));
        Assert.Equal(t.Baseline, f.FromValue);
        Assert.Equal(t.Series.Single(p => p.Year == f.LatestYear).Actual, f.LatestValue);
        Assert.Equal(0.36m, f.ObservedRate);
        Assert.Equal(0.264911m, f.RequiredRate);
        Assert.Equal(1.3589m, f.Ratio);
        Assert.Equal(23.12m, f.Projected);
        Assert.Equal(ForecastStatus.OnTrack, f.Status);
        Assert.Equal("进展顺利", f.StatusLabel);
        Assert.Contains("实际年均增长率 = (17/12.5)^(1/1) − 1 = 36.0%", f.Formula);
    }

    [Fact]
    public async Task City_target_against_its_stated_baseline_needs_acceleration()
    {
        var f = Target(await GetProgressAsync(2011), "D测试产业产值", "测试市D").Forecast;
        // Stated 20 (2010) → 29 (2011): 0.45; required (60 / 20)^(1/2) − 1 = 0.732051; R = 0.6147 → 需加速; 29 × 1.45 = 42.05.
        Assert.Equal(0.45m, f.ObservedRate);
        Assert.Equal(0.732051m, f.RequiredRate);
        Assert.Equal(0.6147m, f.Ratio);
        Assert.Equal(42.05m, f.Projected);
        Assert.Equal(ForecastStatus.NeedsAcceleration, f.Status);
    }

    [Fact]
    public async Task Counts_forecast_linearly_and_a_target_without_actuals_has_insufficient_data()
    {
        var progress = await GetProgressAsync(2011);
        var tier = Target(progress, "D测试超十亿元企业数（产值发生地）", "测试坪山区D").Forecast;
        // 0 (2010) → 1 (2011): 1 a year; (3 − 0) / 2 = 1.5 a year; R = 0.6667 → 需加速; 1 + 1 = 2 in 2012.
        Assert.Equal(ForecastMethod.Linear, tier.Method);
        Assert.Equal(1m, tier.ObservedRate);
        Assert.Equal(1.5m, tier.RequiredRate);
        Assert.Equal(0.6667m, tier.Ratio);
        Assert.Equal(2m, tier.Projected);
        Assert.Equal(ForecastStatus.NeedsAcceleration, tier.Status);
        var approvals = Target(progress, "D测试新药批件数", "测试市D").Forecast;
        // 4 → 6.5: 2.5 a year against (10 − 4) / 2 = 3; R = 0.8333.
        Assert.Equal(0.8333m, approvals.Ratio);
        Assert.Equal(ForecastStatus.InsufficientData, Target(progress, "D测试新药批件数", "测试南山D").Forecast.Status);
    }

    [Fact]
    public async Task Allocations_get_a_forecast_too()
    {
        var progress = await GetProgressAsync(2011);
        // 坪山: 17 against a 2011 share of 16 → 已达成.
        Assert.Equal(ForecastStatus.Achieved, Assert.Single(progress.Allocations, a => a.Region == "测试坪山区D").Forecast.Status);
        var nanshan = Assert.Single(progress.Allocations, a => a.Region == "测试南山D").Forecast;
        // 7.5 (2010) → 12 (2011): 0.6; required (30 / 7.5)^(1/2) − 1 = 1; R = 0.6 exactly → 需加速; 12 × 1.6 = 19.2.
        Assert.Equal(0.6m, nanshan.ObservedRate);
        Assert.Equal(1m, nanshan.RequiredRate);
        Assert.Equal(0.6m, nanshan.Ratio);
        Assert.Equal(19.2m, nanshan.Projected);
        Assert.Equal(ForecastStatus.NeedsAcceleration, nanshan.Status);
    }

    [Fact]
    public async Task Forecast_object_has_camel_case_fields_and_string_enums()
    {
        var text = await app.Client().GetStringAsync($"/api/plans/{await PlanId}/progress?year=2011");
        using var json = JsonDocument.Parse(text);
        var target = json.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("region").GetString() == "测试坪山新区D");
        var forecast = target.GetProperty("forecast");
        foreach (var field in new[] { "observedRate", "requiredRate", "ratio", "projected", "statusLabel", "fromYear", "fromValue", "latestYear", "latestValue", "targetYear", "targetValue", "formula" })
            Assert.True(forecast.TryGetProperty(field, out _), field);
        Assert.Equal("OnTrack", forecast.GetProperty("status").GetString());
        Assert.Equal("compound", forecast.GetProperty("method").GetString());
        Assert.Equal(0.36m, forecast.GetProperty("observedRate").GetDecimal());
        var allocation = json.RootElement.GetProperty("allocations").EnumerateArray().First();
        Assert.True(allocation.GetProperty("forecast").TryGetProperty("ratio", out _));
    }

    [Fact]
    public async Task A_new_figure_changes_the_next_answer()
    {
        // Its own region, indicator and enterprise, so the shared dataset above stays as it is.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        int planId, enterpriseId;
        await using (var scope = app.Scope(out var db))
        {
            var region = new Region { Code = "99" + suffix[..4], IsOfficialCode = false, Name = "测试缓存区D" + suffix, Level = RegionLevel.City, SeriesCode = "99" + suffix[..4] };
            var indicator = new Indicator { Name = "D测试缓存产值" + suffix, Unit = "亿元", Kind = IndicatorKind.Amount, Caliber = Caliber.ByRegistration, Sector = Sector.All, Measure = ComputedMeasure.OutputValue };
            var enterprise = new Enterprise
            {
                CreditCode = CreditCode.Complete("91" + suffix.ToUpperInvariant() + "CACHE01"), Name = "测试缓存企业D" + suffix, RegisteredRegion = region,
                IndustryCode = IndustryTaxonomy.Ivd, Figures = [new EnterpriseFigure { Year = 2011, Revenue = 10_000m, OutputValue = 10_000m }],
            };
            var plan = new Plan
            {
                Slug = "d-cache-" + suffix, Title = "缓存测试规划D", Region = region, PeriodStart = 2011, PeriodEnd = 2012,
                Targets = [new Target { Indicator = indicator, Region = region, Year = 2012, Comparator = Comparator.AtLeast, Value = 5m, Unit = "亿元" }],
            };
            db.AddRange(enterprise, plan);
            await db.SaveChangesAsync();
            (planId, enterpriseId) = (plan.Id, enterprise.Id);
        }
        var client = app.Client();
        var before = (await client.GetFromJsonAsync<PlanProgress>($"/api/plans/{planId}/progress?year=2012", Json))!;
        // 10,000 万元 = 1 亿元 in 2011.
        Assert.Equal(1m, Assert.Single(before.Targets).Actual);

        await using (var scope = app.Scope(out var db))
        {
            db.EnterpriseFigures.Add(new EnterpriseFigure { EnterpriseId = enterpriseId, Year = 2012, Revenue = 30_000m, OutputValue = 30_000m });
            await db.SaveChangesAsync();
        }
        var after = (await client.GetFromJsonAsync<PlanProgress>($"/api/plans/{planId}/progress?year=2012", Json))!;
        // 30,000 万元 = 3 亿元 in 2012.
        Assert.Equal(3m, Assert.Single(after.Targets).Actual);
        Assert.Equal(2012, after.Targets[0].ActualYear);
    }

    [Fact]
    public async Task A_past_target_is_forecast_from_the_actual_of_its_own_year()
    {
        // Its own region, indicator and enterprise: 1 亿元 (2010), 2 亿元 (2011), 5 亿元 (2012) against ≥ 3 亿元 in 2011.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        int planId;
        await using (var scope = app.Scope(out var db))
        {
            var region = new Region { Code = "98" + suffix[..4], IsOfficialCode = false, Name = "测试预测区D" + suffix, Level = RegionLevel.City, SeriesCode = "98" + suffix[..4] };
            var indicator = new Indicator { Name = "D测试预测产值" + suffix, Unit = "亿元", Kind = IndicatorKind.Amount, Caliber = Caliber.ByRegistration, Sector = Sector.All, Measure = ComputedMeasure.OutputValue };
            var enterprise = new Enterprise
            {
                CreditCode = CreditCode.Complete("91" + suffix.ToUpperInvariant() + "FCAST01"), Name = "测试预测企业D" + suffix, RegisteredRegion = region,
                IndustryCode = IndustryTaxonomy.Ivd,
                Figures =
                [
                    new EnterpriseFigure { Year = 2010, Revenue = 10_000m, OutputValue = 10_000m },
                    new EnterpriseFigure { Year = 2011, Revenue = 20_000m, OutputValue = 20_000m },
                    new EnterpriseFigure { Year = 2012, Revenue = 50_000m, OutputValue = 50_000m },
                ],
            };
            var plan = new Plan
            {
                Slug = "d-forecast-" + suffix, Title = "预测测试规划D", Region = region, PeriodStart = 2011, PeriodEnd = 2011,
                Targets = [new Target { Indicator = indicator, Region = region, Year = 2011, Comparator = Comparator.AtLeast, Value = 3m, Unit = "亿元" }],
            };
            db.AddRange(enterprise, plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
        }
        var progress = (await app.Client().GetFromJsonAsync<PlanProgress>($"/api/plans/{planId}/progress?year=2012", Json))!;
        var t = Assert.Single(progress.Targets);

        // The trajectory rule shows the latest actual (5 in 2012); the forecast judges 2011: 1 → 2 is 100 % a year against
        // (3 / 1) − 1 = 200 % needed, R = 0.5 → 进展有限, and 2011's 2 is the value in the target year.
        Assert.Equal(5m, t.Actual);
        Assert.Equal((2010, 1m, 2011, 2m), (t.Forecast.FromYear, t.Forecast.FromValue, t.Forecast.LatestYear, t.Forecast.LatestValue));
        Assert.Equal(1m, t.Forecast.ObservedRate);
        Assert.Equal(2m, t.Forecast.RequiredRate);
        Assert.Equal(0.5m, t.Forecast.Ratio);
        Assert.Equal(2m, t.Forecast.Projected);
        Assert.Equal(ForecastStatus.LimitedProgress, t.Forecast.Status);
    }

    [Fact]
    public async Task Unknown_plan_is_a_404_problem()
    {
        var response = await app.Client().GetAsync("/api/plans/987654321/progress?year=2011");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("abc")]
    public async Task Year_outside_2000_to_2100_is_a_400_problem(string year)
    {
        var response = await app.Client().GetAsync($"/api/plans/{await PlanId}/progress?year={year}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> SeedAsync(AppFactory app)
    {
        await using var scope = app.Scope(out var db);
        var city = new Region { Code = "990100", IsOfficialCode = false, Name = "测试市D", Level = RegionLevel.City, SeriesCode = "990100" };
        var nanshan = new Region { Code = "990105", IsOfficialCode = false, Name = "测试南山D", Level = RegionLevel.District, Parent = city, SeriesCode = "990105" };
        var pingshan = new Region { Code = "990110", IsOfficialCode = false, Name = "测试坪山区D", Level = RegionLevel.District, Parent = city, SeriesCode = "990110", ValidFromYear = 2017 };
        var pingshanNewArea = new Region { Code = "990190", IsOfficialCode = false, Name = "测试坪山新区D", Level = RegionLevel.FunctionalZone, Parent = city, SeriesCode = "990110", ValidToYear = 2016, Successor = pingshan };
        db.Regions.AddRange(city, nanshan, pingshan, pingshanNewArea);

        var output = new Indicator { Name = "D测试产业产值", Unit = "亿元", Kind = IndicatorKind.Amount, Caliber = Caliber.ByProductionPlace, Sector = Sector.Bio, Measure = ComputedMeasure.OutputValue };
        var tier = new Indicator { Name = "D测试超十亿元企业数", Unit = "家", Kind = IndicatorKind.Count, Aggregation = Aggregation.Count, Caliber = Caliber.ByRegistration, Sector = Sector.Bio, Measure = ComputedMeasure.RevenueTierCount, TierThreshold = 10m };
        var tierByPlace = new Indicator { Name = "D测试超十亿元企业数（产值发生地）", Unit = "家", Kind = IndicatorKind.Count, Aggregation = Aggregation.Count, Caliber = Caliber.ByProductionPlace, Sector = Sector.Bio, Measure = ComputedMeasure.RevenueTierCount, TierThreshold = 10m };
        var approvals = new Indicator { Name = "D测试新药批件数", Unit = "个", Kind = IndicatorKind.Count, Sector = Sector.Bio, Measure = ComputedMeasure.None };
        db.Indicators.AddRange(output, tier, tierByPlace, approvals);

        db.IndicatorValues.AddRange(
            new IndicatorValue { Indicator = approvals, Region = city, Year = 2010, Value = 4m, Source = ValueSource.Statistics },
            new IndicatorValue { Indicator = approvals, Region = city, Year = 2011, Value = 6.5m, Source = ValueSource.Statistics },
            new IndicatorValue { Indicator = approvals, Region = city, Year = 2011, Value = 9m, Source = ValueSource.Synthetic, IsSynthetic = true });

        static EnterpriseFigure Figure(int year, decimal revenue, decimal outputValue) => new() { Year = year, Revenue = revenue, OutputValue = outputValue };
        db.Enterprises.AddRange(
            new Enterprise
            {
                CreditCode = CreditCode.Complete("91990105TESTD0001"), Name = "测试企业D一", RegisteredRegion = nanshan, IndustryCode = IndustryTaxonomy.Ivd,
                ProductionSites = [new ProductionSite { Region = pingshan, Share = 1m }],
                Figures = [Figure(2010, 80_000m, 70_000m), Figure(2011, 100_000m, 90_000m)],
            },
            new Enterprise
            {
                CreditCode = CreditCode.Complete("91990110TESTD0002"), Name = "测试企业D二", RegisteredRegion = pingshan, IndustryCode = IndustryTaxonomy.Biologic,
                Figures = [Figure(2010, 45_000m, 30_000m), Figure(2011, 50_000m, 40_000m)],
            },
            new Enterprise
            {
                CreditCode = CreditCode.Complete("91990105TESTD0003"), Name = "测试企业D三", RegisteredRegion = nanshan, IndustryCode = IndustryTaxonomy.Cro,
                ProductionSites = [new ProductionSite { Region = nanshan, Share = 0.75m }, new ProductionSite { Region = pingshan, Share = 0.25m }],
                Figures = [Figure(2010, 150_000m, 100_000m), Figure(2011, 200_000m, 160_000m)],
            });

        var plan = new Plan
        {
            Slug = "d-analytics-progress-test", Title = "测试市D生物产业测试规划", Region = city, PeriodStart = 2011, PeriodEnd = 2012,
            Baselines = [new Baseline { Indicator = output, Region = city, Year = 2010, Value = 20m, Unit = "亿元" }],
            Targets =
            [
                new Target { Indicator = output, Region = pingshanNewArea, Year = 2012, Comparator = Comparator.AtLeast, Value = 20m, Unit = "亿元" },
                new Target { Indicator = output, Region = city, Year = 2012, Comparator = Comparator.About, Value = 60m, Unit = "亿元" },
                new Target { Indicator = tier, Region = nanshan, Year = 2012, Comparator = Comparator.AtLeast, Value = 3m, Unit = "家" },
                new Target { Indicator = tierByPlace, Region = pingshan, Year = 2012, Comparator = Comparator.Equal, Value = 3m, Unit = "家" },
                new Target { Indicator = approvals, Region = city, Year = 2012, Comparator = Comparator.Equal, Value = 10m, Unit = "个" },
                new Target { Indicator = approvals, Region = nanshan, Year = 2012, Comparator = Comparator.Equal, Value = 3m, Unit = "个" },
            ],
            Allocations =
            [
                new Allocation { Indicator = output, Region = pingshan, Year = 2011, Value = 16m, Unit = "亿元" },
                new Allocation { Indicator = output, Region = nanshan, Year = 2012, Value = 30m, Unit = "亿元" },
            ],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgressApiTests(SqliteAppFactory app) : ProgressApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresProgressApiTests(PostgresAppFactory app) : ProgressApiTests(app);

public class AggregateCacheTests
{
    [Fact]
    public async Task Same_version_and_key_reuse_the_first_result()
    {
        var cache = new AggregateCache();
        var calls = 0;
        Task<List<int>> Compute() { calls++; return Task.FromResult(new List<int> { calls }); }
        Assert.Equal([1], await cache.GetOrAddAsync(7, "k", Compute));
        Assert.Equal([1], await cache.GetOrAddAsync(7, "k", Compute));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_new_data_version_recomputes()
    {
        var cache = new AggregateCache();
        var calls = 0;
        Task<List<int>> Compute() { calls++; return Task.FromResult(new List<int> { calls }); }
        await cache.GetOrAddAsync(7, "k", Compute);
        Assert.Equal([2], await cache.GetOrAddAsync(8, "k", Compute));
    }
}
