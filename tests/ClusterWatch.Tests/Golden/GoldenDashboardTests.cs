using System.Net;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// Every dashboard number of the golden city's plan for the selected year 2025 (GET /api/plans/{id}/progress?year=2025), computed
/// by hand from GoldenCity's tables. The latest actual ≤ 2025 is 2024's in every series, so the trajectory compares in 2024.
/// </summary>
public abstract class GoldenDashboardTests(GoldenAppFactory app)
{
    private async Task<JsonElement> ProgressAsync()
    {
        var client = await app.ClientAsync("admin");
        var response = await client.GetAsync($"/api/plans/{app.City.PlanId}/progress?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Row(JsonElement progress, string list, string idField, int id) =>
        progress.GetProperty(list).EnumerateArray().Single(t => t.GetProperty(idField).GetInt32() == id);

    private static decimal? Dec(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task The_plan_lists_four_targets_and_three_district_allocations_all_resting_on_synthetic_data()
    {
        var progress = await ProgressAsync();
        Assert.Equal(4, progress.GetProperty("targets").GetArrayLength());
        Assert.Equal(3, progress.GetProperty("allocations").GetArrayLength());
        Assert.True(progress.GetProperty("usesSyntheticData").GetBoolean());
        Assert.Equal([2021, 2022, 2023, 2024, 2025], progress.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Fact]
    public async Task Revenue_target_is_207_36_yi_against_371_293_and_needs_acceleration()
    {
        var t = Row(await ProgressAsync(), "targets", "targetId", app.City.TargetRevenueId);
        // Actual 2024 = bio revenue of 示例市 = 2,073,600 万元 = 207.36 亿元 (E10 is INTERNET, E12 moved to 示例邻市).
        Assert.Equal(207.36m, Dec(t, "actual"));
        Assert.Equal(2024, t.GetProperty("actualYear").GetInt32());
        Assert.Equal("示例数据：企业数据汇总（注册地）", t.GetProperty("actualSource").GetString());
        Assert.True(t.GetProperty("actualIsSynthetic").GetBoolean());
        // Stated baseline 2020 = 100 亿元.
        Assert.Equal(100m, Dec(t, "baseline"));
        Assert.Equal(2020, t.GetProperty("baselineYear").GetInt32());
        // Compound path 100 → 371.293 (= 100 × 1.3^5): expected in 2024 = 100 × 1.3^4 = 285.61.
        Assert.Equal(285.61m, Dec(t, "expected"));
        Assert.Equal(2024, t.GetProperty("expectedYear").GetInt32());
        // percentOfTarget = 207.36 / 371.293 × 100 = 55.848… → 55.8.
        Assert.Equal(55.8m, Dec(t, "percentOfTarget"));
        // Trajectory rule: 207.36 / 285.61 = 72.6% < 90% → 滞后.
        Assert.Equal("Lagging", t.GetProperty("status").GetString());
        Assert.Equal("滞后", t.GetProperty("statusLabel").GetString());
        // Series: actual 100, 110.5, 127, 162, 207.36 (sums of the table / 10,000); expected 100 × 1.3^k: 100, 130, 169, 219.7, 285.61, 371.293.
        var series = t.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025], series.Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal([100m, 110.5m, 127m, 162m, 207.36m, null], series.Select(p => Dec(p, "actual")));
        Assert.Equal([100m, 130m, 169m, 219.7m, 285.61m, 371.293m], series.Select(p => Dec(p, "expected")));

        // Forecast (compound): observed = (207.36/100)^(1/4) − 1 = 2.0736^(1/4) − 1 = 1.2 − 1 = 0.2;
        // required = (371.293/100)^(1/5) − 1 = 3.71293^(1/5) − 1 = 1.3 − 1 = 0.3; R = 0.2 / 0.3 = 0.6667 (0.60 ≤ R < 0.95 → 需加速);
        // projected 2025 = 207.36 × 1.2^(2025−2024) = 248.832.
        var f = t.GetProperty("forecast");
        Assert.Equal("NeedsAcceleration", f.GetProperty("status").GetString());
        Assert.Equal("需加速", f.GetProperty("statusLabel").GetString());
        Assert.Equal("compound", f.GetProperty("method").GetString());
        Assert.Equal(0.2m, Dec(f, "observedRate"));
        Assert.Equal(0.3m, Dec(f, "requiredRate"));
        Assert.Equal(0.6667m, Dec(f, "ratio"));
        Assert.Equal(248.832m, Dec(f, "projected"));
        Assert.Equal(2020, f.GetProperty("fromYear").GetInt32());
        Assert.Equal(100m, Dec(f, "fromValue"));
        Assert.Equal(2024, f.GetProperty("latestYear").GetInt32());
        Assert.Equal(207.36m, Dec(f, "latestValue"));
        Assert.Equal(2025, f.GetProperty("targetYear").GetInt32());
        Assert.Equal(371.293m, Dec(f, "targetValue"));
        // The formula shows the numbers (values to two decimals, rates as percentages with one decimal).
        Assert.Equal("起点为基数 2020年 100；实际年均增长率 = (207.36/100)^(1/4) − 1 = 20.0%；所需年均增长率 = (371.29/100)^(1/5) − 1 = 30.0%；" +
                     "R = 20.0% ÷ 30.0% = 66.7%，介于 60% 与 95% 之间 → 需加速；按实际速度，2025年预计 248.83 亿元",
            f.GetProperty("formula").GetString());
    }

    [Fact]
    public async Task Tier_count_target_counts_seven_firms_at_or_above_ten_yi_and_is_on_track()
    {
        var t = Row(await ProgressAsync(), "targets", "targetId", app.City.TargetTierId);
        // Revenue ≥ 100,000 万元, bio firms of 示例市 by registration:
        // 2020: E01 325000, E04 150000, E07 110000 → 3;  2021: + E02 105000 → 4;  2022: + E05 110000 → 5;
        // 2023: + E06 at exactly 100000 (≥ counts) → 6;  2024: + E03 192050 (E02 fell to 120000, still ≥) → 7.
        Assert.Equal(7m, Dec(t, "actual"));
        Assert.Equal(2024, t.GetProperty("actualYear").GetInt32());
        Assert.Equal("示例数据：企业数据计数（注册地，营业收入 ≥ 10 亿元）", t.GetProperty("actualSource").GetString());
        // No stated baseline: the actual of 2020 (the year before the plan starts).
        Assert.Equal(3m, Dec(t, "baseline"));
        Assert.Equal(2020, t.GetProperty("baselineYear").GetInt32());
        // Linear path 3 → 8 over 5 years: expected 2024 = 3 + 5 × 4/5 = 7; 7 ≥ 7 → 达标; percentOfTarget = 7/8 = 87.5.
        Assert.Equal(7m, Dec(t, "expected"));
        Assert.Equal(87.5m, Dec(t, "percentOfTarget"));
        Assert.Equal("OnTrack", t.GetProperty("status").GetString());
        var series = t.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([3m, 4m, 5m, 6m, 7m, null], series.Select(p => Dec(p, "actual")));
        Assert.Equal([3m, 4m, 5m, 6m, 7m, 8m], series.Select(p => Dec(p, "expected")));

        // Forecast (linear, count): observed = (7 − 3)/4 = 1 per year; required = (8 − 3)/5 = 1; R = 1 ≥ 0.95 → 进展顺利;
        // projected = 7 + 1 × 1 = 8.
        var f = t.GetProperty("forecast");
        Assert.Equal("OnTrack", f.GetProperty("status").GetString());
        Assert.Equal("进展顺利", f.GetProperty("statusLabel").GetString());
        Assert.Equal("linear", f.GetProperty("method").GetString());
        Assert.Equal(1m, Dec(f, "observedRate"));
        Assert.Equal(1m, Dec(f, "requiredRate"));
        Assert.Equal(1m, Dec(f, "ratio"));
        Assert.Equal(8m, Dec(f, "projected"));
        Assert.Equal(3m, Dec(f, "fromValue"));
    }

    [Fact]
    public async Task Rd_ratio_target_gains_a_tenth_of_a_point_a_year_against_four_tenths_and_shows_limited_progress()
    {
        var t = Row(await ProgressAsync(), "targets", "targetId", app.City.TargetRdRatioId);
        // IndicatorValues (统计数据, synthetic) 8.0, 8.1, 8.2, 8.3, 8.4 for 2020–2024.
        Assert.Equal(8.4m, Dec(t, "actual"));
        Assert.Equal("示例数据：统计数据", t.GetProperty("actualSource").GetString());
        Assert.Equal(8m, Dec(t, "baseline"));
        // Linear 8 → 10: expected 2024 = 8 + 2 × 4/5 = 9.6; 8.4 / 9.6 = 87.5% < 90% → 滞后; percentOfTarget = 8.4/10 = 84.
        Assert.Equal(9.6m, Dec(t, "expected"));
        Assert.Equal(84m, Dec(t, "percentOfTarget"));
        Assert.Equal("Lagging", t.GetProperty("status").GetString());

        // Forecast (linear, percentage points): observed = (8.4 − 8)/4 = 0.1; required = (10 − 8)/5 = 0.4; R = 0.25 → 进展有限;
        // projected = 8.4 + 0.1 = 8.5.
        var f = t.GetProperty("forecast");
        Assert.Equal("LimitedProgress", f.GetProperty("status").GetString());
        Assert.Equal("进展有限", f.GetProperty("statusLabel").GetString());
        Assert.Equal("linear", f.GetProperty("method").GetString());
        Assert.Equal(0.1m, Dec(f, "observedRate"));
        Assert.Equal(0.4m, Dec(f, "requiredRate"));
        Assert.Equal(0.25m, Dec(f, "ratio"));
        Assert.Equal(8.5m, Dec(f, "projected"));
    }

    [Fact]
    public async Task Decreasing_energy_target_rising_ten_percent_a_year_is_deterioration()
    {
        var t = Row(await ProgressAsync(), "targets", "targetId", app.City.TargetEnergyId);
        // Values 10, 11, 12.1, 13.31, 14.641 (× 1.1 a year); target ≤ 5.9049 (= 10 × 0.9^5), stated baseline 2020 = 10.
        Assert.Equal(14.641m, Dec(t, "actual"));
        Assert.Equal(10m, Dec(t, "baseline"));
        // Compound path 10 → 5.9049: expected 2024 = 10 × 0.9^4 = 6.561; lower is better: 14.641 > 6.561 and
        // 6.561 / 14.641 = 44.8% < 90% → 滞后; percentOfTarget (inverted) = 5.9049 / 14.641 × 100 = 40.33… → 40.3.
        Assert.Equal(6.561m, Dec(t, "expected"));
        Assert.Equal(40.3m, Dec(t, "percentOfTarget"));
        Assert.Equal("Lagging", t.GetProperty("status").GetString());
        Assert.Equal("<=", t.GetProperty("comparator").GetString());

        // Forecast (compound, lower is better): observed = (14.641/10)^(1/4) − 1 = 1.1 − 1 = 0.1;
        // required = (5.9049/10)^(1/5) − 1 = 0.9 − 1 = −0.1; R = 0.1 / −0.1 = −1 < 0 → 倒退; projected = 14.641 × 1.1 = 16.1051.
        var f = t.GetProperty("forecast");
        Assert.Equal("Deterioration", f.GetProperty("status").GetString());
        Assert.Equal("倒退", f.GetProperty("statusLabel").GetString());
        Assert.Equal("compound", f.GetProperty("method").GetString());
        Assert.Equal(0.1m, Dec(f, "observedRate"));
        Assert.Equal(-0.1m, Dec(f, "requiredRate"));
        Assert.Equal(-1m, Dec(f, "ratio"));
        Assert.Equal(16.1051m, Dec(f, "projected"));
    }

    [Fact]
    public async Task Jia_district_grows_ten_percent_a_year_against_thirty_and_shows_limited_progress()
    {
        var a = Row(await ProgressAsync(), "allocations", "allocationId", app.City.AllocationJiaId);
        Assert.Equal("990101", a.GetProperty("regionCode").GetString());
        // 甲区 2024 = 732,050 万元 = 73.205 亿元; allocation 185.6465 (= 50 × 1.3^5).
        Assert.Equal(73.205m, Dec(a, "actual"));
        Assert.Equal(2024, a.GetProperty("actualYear").GetInt32());
        Assert.Equal(185.6465m, Dec(a, "value"));
        // Baseline: 甲区's 2020 actual 50; compound path 50 → 185.6465: expected 2024 = 50 × 1.3^4 = 142.805;
        // 73.205 / 142.805 = 51.3% < 90% → 滞后; percentOfTarget = 73.205 / 185.6465 × 100 = 39.43… → 39.4.
        Assert.Equal(142.805m, Dec(a, "expected"));
        Assert.Equal(39.4m, Dec(a, "percentOfTarget"));
        Assert.Equal("Lagging", a.GetProperty("status").GetString());

        // Forecast: observed = (73.205/50)^(1/4) − 1 = 1.4641^(1/4) − 1 = 0.1; required = (185.6465/50)^(1/5) − 1 = 3.71293^(1/5) − 1 = 0.3;
        // R = 0.1 / 0.3 = 0.3333 → 进展有限; projected = 73.205 × 1.1 = 80.5255.
        var f = a.GetProperty("forecast");
        Assert.Equal("LimitedProgress", f.GetProperty("status").GetString());
        Assert.Equal(0.1m, Dec(f, "observedRate"));
        Assert.Equal(0.3m, Dec(f, "requiredRate"));
        Assert.Equal(0.3333m, Dec(f, "ratio"));
        Assert.Equal(80.5255m, Dec(f, "projected"));
        Assert.Equal(2020, f.GetProperty("fromYear").GetInt32());
        Assert.Equal(50m, Dec(f, "fromValue"));
    }

    [Fact]
    public async Task Yi_district_grows_thirty_percent_a_year_against_forty_and_needs_acceleration()
    {
        var a = Row(await ProgressAsync(), "allocations", "allocationId", app.City.AllocationYiId);
        // 乙区 2024 = 856,830 万元 = 85.683 亿元 (E12 moved out, so not counted); allocation 161.3472 (= 30 × 1.4^5).
        Assert.Equal(85.683m, Dec(a, "actual"));
        // Baseline 2020 = 30; expected 2024 = 30 × 1.4^4 = 115.248; 85.683 / 115.248 = 74.3% < 90% → 滞后;
        // percentOfTarget = 85.683 / 161.3472 × 100 = 53.10… → 53.1.
        Assert.Equal(115.248m, Dec(a, "expected"));
        Assert.Equal(53.1m, Dec(a, "percentOfTarget"));
        Assert.Equal("Lagging", a.GetProperty("status").GetString());

        // Forecast: observed = (85.683/30)^(1/4) − 1 = 2.8561^(1/4) − 1 = 0.3; required = (161.3472/30)^(1/5) − 1 = 5.37824^(1/5) − 1 = 0.4;
        // R = 0.75 → 需加速; projected = 85.683 × 1.3 = 111.3879.
        var f = a.GetProperty("forecast");
        Assert.Equal("NeedsAcceleration", f.GetProperty("status").GetString());
        Assert.Equal(0.3m, Dec(f, "observedRate"));
        Assert.Equal(0.4m, Dec(f, "requiredRate"));
        Assert.Equal(0.75m, Dec(f, "ratio"));
        Assert.Equal(111.3879m, Dec(f, "projected"));
    }

    [Fact]
    public async Task Bing_district_already_above_its_share_is_achieved()
    {
        var a = Row(await ProgressAsync(), "allocations", "allocationId", app.City.AllocationBingId);
        // 丙区 2024 = 484,720 万元 = 48.472 亿元 ≥ allocation 45.
        Assert.Equal(48.472m, Dec(a, "actual"));
        // Baseline 2020 = 20; expected 2024 = 20 × (45/20)^(4/5) = 20 × 2.25^0.8 = 20 × 1.913137 = 38.2627 (4 decimals);
        // 48.472 ≥ 38.2627 → 达标; percentOfTarget = 48.472 / 45 × 100 = 107.71… → 107.7.
        Assert.Equal(38.2627m, Dec(a, "expected"));
        Assert.Equal(107.7m, Dec(a, "percentOfTarget"));
        Assert.Equal("OnTrack", a.GetProperty("status").GetString());

        // Forecast: the latest actual meets the share → 已达成, no rates; projected is the latest value.
        var f = a.GetProperty("forecast");
        Assert.Equal("Achieved", f.GetProperty("status").GetString());
        Assert.Equal("已达成", f.GetProperty("statusLabel").GetString());
        Assert.Null(Dec(f, "observedRate"));
        Assert.Null(Dec(f, "requiredRate"));
        Assert.Null(Dec(f, "ratio"));
        Assert.Equal(48.472m, Dec(f, "projected"));
        Assert.Equal("2024年实际 48.47 亿元 ≥ 目标 2025年 45 亿元 → 已达成", f.GetProperty("formula").GetString());
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenDashboardTests(GoldenSqliteFactory app) : GoldenDashboardTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenDashboardTests(GoldenPostgresFactory app) : GoldenDashboardTests(app), IClassFixture<GoldenPostgresFactory>;
