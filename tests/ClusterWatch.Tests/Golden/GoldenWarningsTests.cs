using System.Net;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// Every warning of the golden city after a full refresh (POST /api/warnings/refresh) on 2025-07-20 10:00 (China), with default
/// thresholds (district lag 10 points, revenue drop 20%, stalled 2 periods, move window 365 days), derived by hand from GoldenCity.
/// </summary>
public abstract class GoldenWarningsTests(GoldenAppFactory app)
{
    private GoldenCity.Ids City => app.City;

    /// <summary>Kind, severity, key and the subject the warning points at.</summary>
    private sealed record Expected(string Kind, string Severity, string Key, string Title, int? RegionId = null, int? PlanId = null, int? TargetId = null,
        int? AllocationId = null, int? UnitId = null, int? EnterpriseId = null, int? TaskId = null);

    private IReadOnlyList<Expected> ExpectedWarnings()
    {
        var c = City;
        var e = c.Enterprises;
        return
        [
            // Forecast status → severity: 需加速 → Warning; 进展有限 / 倒退 → Critical; 进展顺利 / 已达成 → none (so T2 and 丙区 raise nothing).
            new("TargetAtRisk", "Warning", $"TargetAtRisk:target:{c.TargetRevenueId}:2025", "示例市示例生物医药产业营业收入2025年目标进度需加速",
                RegionId: c.CityId, PlanId: c.PlanId, TargetId: c.TargetRevenueId),
            new("TargetAtRisk", "Critical", $"TargetAtRisk:target:{c.TargetRdRatioId}:2025", "示例市示例生物医药研发投入强度2025年目标进度进展有限",
                RegionId: c.CityId, PlanId: c.PlanId, TargetId: c.TargetRdRatioId),
            new("TargetAtRisk", "Critical", $"TargetAtRisk:target:{c.TargetEnergyId}:2025", "示例市示例单位产值能耗2025年目标进度倒退",
                RegionId: c.CityId, PlanId: c.PlanId, TargetId: c.TargetEnergyId),
            new("AllocationAtRisk", "Critical", $"AllocationAtRisk:allocation:{c.AllocationJiaId}:2025", "示例甲区示例生物医药产业营业收入2025年分解目标进度进展有限",
                RegionId: c.DistrictJiaId, PlanId: c.PlanId, AllocationId: c.AllocationJiaId),
            new("AllocationAtRisk", "Warning", $"AllocationAtRisk:allocation:{c.AllocationYiId}:2025", "示例乙区示例生物医药产业营业收入2025年分解目标进度需加速",
                RegionId: c.DistrictYiId, PlanId: c.PlanId, AllocationId: c.AllocationYiId),
            // City completion 207.36/371.293 = 55.85%; 甲区 73.205/185.6465 = 39.43% → 16.4 points below (> 10) → fires;
            // 乙区 85.683/161.3472 = 53.10% → 2.7 points below → no; 丙区 107.7% → no.
            new("DistrictLaggingShare", "Warning", $"DistrictLaggingShare:allocation:{c.AllocationJiaId}:2025", "示例甲区示例生物医药产业营业收入完成率落后全市",
                RegionId: c.DistrictJiaId, PlanId: c.PlanId, TargetId: c.TargetRevenueId, AllocationId: c.AllocationJiaId),
            // Task 4 (乙区): 2025Q1 未开始 0%, 2025Q2 未开始 0% → stalled. Task 1 went 未开始 → 推进中, task 2 is done, task 3 moved on.
            // No task is overdue: the plan ends 2025-12-31, after now.
            new("TaskStalled", "Warning", $"TaskStalled:task:{c.TaskYiId}:unit:{c.UnitYiId}", "示例乙区政府任务4连续2期无进展",
                RegionId: c.DistrictYiId, PlanId: c.PlanId, UnitId: c.UnitYiId, TaskId: c.TaskYiId),
            // Latest period past its deadline on 07-20: 2025Q2 (deadline 2025-07-10 23:59:59 +08). 丙区 has no report → Critical;
            // 乙区 submitted 07-15 09:00 → late (Notice); 甲区 at 07-10 23:00 is on time.
            new("ReportMissing", "Critical", $"ReportMissing:form:{c.FormId}:unit:{c.UnitBingId}:2025Q2", "示例丙区政府未报送2025年第2季度报表",
                RegionId: c.DistrictBingId, PlanId: c.PlanId, UnitId: c.UnitBingId),
            new("ReportLate", "Notice", $"ReportLate:form:{c.FormId}:unit:{c.UnitYiId}:2025Q2", "示例乙区政府逾期报送2025年第2季度报表",
                RegionId: c.DistrictYiId, PlanId: c.PlanId, UnitId: c.UnitYiId),
            // E02 (瞪羚 pool since 2022): 160000 → 120000 万元 = −25% (> 20%, ≤ 2 × 20%) → Warning. E01, E08 (pools) grew.
            new("EnterpriseRevenueDrop", "Warning", $"EnterpriseRevenueDrop:enterprise:{e["E02"].Id}:2024", "示例甲区化学药瞪羚企业（示例）营业收入下降25.0%",
                RegionId: c.DistrictJiaId, EnterpriseId: e["E02"].Id),
            // 2023 → 2024 tier crossings (1/10/100/500/1000 亿元): E03 95000 → 192050 crosses 10 亿 up; E11 5000 → 12000 crosses 1 亿 up.
            // Upward crossings are Notices. E02 stays ≥ 10 亿 (120000); E06 was already at exactly 10 亿 in 2023.
            new("EnterpriseTierChange", "Notice", $"EnterpriseTierChange:enterprise:{e["E03"].Id}:2024", "示例甲区体外诊断企业（示例）营业收入升入超10亿元档",
                RegionId: c.DistrictJiaId, EnterpriseId: e["E03"].Id),
            new("EnterpriseTierChange", "Notice", $"EnterpriseTierChange:enterprise:{e["E11"].Id}:2024", "示例丙区康复器械新企业（示例）营业收入升入超1亿元档",
                RegionId: c.DistrictBingId, EnterpriseId: e["E11"].Id),
            // E12 (龙头企业, listed) moved its registration 示例乙区 → 示例邻市 on 2025-06-30, within 365 days → Critical.
            new("EnterpriseMovedOut", "Critical", $"EnterpriseMovedOut:enterprise:{e["E12"].Id}:Registration", "重点企业示例乙区外迁上市企业（示例）注册地迁出示例市",
                RegionId: c.DistrictYiId, EnterpriseId: e["E12"].Id),
        ];
    }

    private async Task<List<JsonElement>> RefreshAndListAsync(string status = "open")
    {
        var client = await app.ClientAsync("admin");
        var refresh = await client.PostAsync("/api/warnings/refresh", null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var response = await client.GetAsync($"/api/warnings?status={status}&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return root.GetProperty("items").EnumerateArray().ToList();
    }

    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private static JsonElement ByKey(List<JsonElement> warnings, string key) => warnings.Single(w => w.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Refresh_raises_exactly_the_thirteen_hand_derived_warnings_with_their_severity_and_subject()
    {
        var warnings = await RefreshAndListAsync();
        var expected = ExpectedWarnings();
        Assert.Equal(expected.Select(x => x.Key).Order(StringComparer.Ordinal), warnings.Select(w => w.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
        foreach (var x in expected)
        {
            var w = ByKey(warnings, x.Key);
            Assert.Equal(x.Kind, w.GetProperty("kind").GetString());
            Assert.Equal(x.Severity, w.GetProperty("severity").GetString());
            Assert.Equal(x.Title, w.GetProperty("title").GetString());
            Assert.Equal("Raised", w.GetProperty("status").GetString());
            Assert.True(w.GetProperty("isSynthetic").GetBoolean(), x.Key);
            Assert.Equal("示例数据", w.GetProperty("dataLabel").GetString());
            Assert.Equal((x.RegionId, x.PlanId, x.TargetId, x.AllocationId, x.UnitId, x.EnterpriseId, x.TaskId),
                (Int(w, "regionId"), Int(w, "planId"), Int(w, "targetId"), Int(w, "allocationId"), Int(w, "unitId"), Int(w, "enterpriseId"), Int(w, "taskId")));
            Assert.NotEmpty(w.GetProperty("links").EnumerateArray());
        }
    }

    [Fact]
    public async Task A_second_refresh_changes_nothing_and_resolves_nothing()
    {
        await RefreshAndListAsync();
        var client = await app.ClientAsync("admin");
        var again = JsonDocument.Parse(await (await client.PostAsync("/api/warnings/refresh", null)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, again.GetProperty("raised").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(0, again.GetProperty("resolved").GetInt32());
        Assert.Equal(13, again.GetProperty("open").GetInt32());
        Assert.Empty(await RefreshAndListAsync("resolved"));
    }

    [Fact]
    public async Task Sentences_carry_the_hand_computed_numbers()
    {
        var warnings = await RefreshAndListAsync();
        string Message(string key) => ByKey(warnings, key).GetProperty("message").GetString()!;
        var c = City;
        var e = c.Enterprises;
        // 207.36/371.293 = 55.8%; R = 0.6667 → 66.7%; projected 248.832 → 248.83.
        Assert.Equal("示例市示例生物医药产业营业收入2025年目标为371.29亿元，2024年实际为207.36亿元（完成目标的55.8%），目前增速为所需增速的66.7%，" +
                     "按目前增速预计2025年达到248.83亿元，判定为“需加速”，请加快推进。", Message($"TargetAtRisk:target:{c.TargetRevenueId}:2025"));
        // 8.4/10 = 84.0%; R = 0.25 → 25.0%; projected 8.5.
        Assert.Equal("示例市示例生物医药研发投入强度2025年目标为10%，2024年实际为8.4%（完成目标的84.0%），目前增速为所需增速的25.0%，" +
                     "按目前增速预计2025年达到8.5%，判定为“进展有限”，请加快推进。", Message($"TargetAtRisk:target:{c.TargetRdRatioId}:2025"));
        // 73.205 → 73.21; 185.6465 → 185.65; 39.43% → 39.4; R 0.3333 → 33.3%; projected 80.5255 → 80.53.
        Assert.Equal("示例甲区示例生物医药产业营业收入2025年分解目标为185.65亿元，2024年实际为73.21亿元（完成分解目标的39.4%），目前增速为所需增速的33.3%，" +
                     "按目前增速预计2025年达到80.53亿元，判定为“进展有限”，请加快推进。", Message($"AllocationAtRisk:allocation:{c.AllocationJiaId}:2025"));
        // Gap 55.848 − 39.432 = 16.416 → 16.4 points.
        Assert.Equal("示例甲区示例生物医药产业营业收入2025年分解目标为185.65亿元，2024年完成73.21亿元，完成率39.4%，低于示例市完成率55.8%" +
                     "（2024年207.36亿元，目标371.29亿元）16.4个百分点，超过10个百分点的预警线。", Message($"DistrictLaggingShare:allocation:{c.AllocationJiaId}:2025"));
        Assert.Equal("示例乙区政府报送的任务4「推进乙区细胞治疗中试基地（示例）」连续2期（2025年第1季度、2025年第2季度）状态均为“未开始”，进度停留在0%。",
            Message($"TaskStalled:task:{c.TaskYiId}:unit:{c.UnitYiId}"));
        Assert.Equal($"示例丙区政府未在2025年7月10日截止前报送《{GoldenCity.FormName}》2025年第2季度报表（当前状态：未报送），请督促尽快报送。",
            Message($"ReportMissing:form:{c.FormId}:unit:{c.UnitBingId}:2025Q2"));
        // 07-15 09:00 − 07-10 23:59:59 = 4 days 9 hours → 5 started days late.
        Assert.Equal($"示例乙区政府于2025年7月15日报送《{GoldenCity.FormName}》2025年第2季度报表，晚于截止日期2025年7月10日5天。",
            Message($"ReportLate:form:{c.FormId}:unit:{c.UnitYiId}:2025Q2"));
        // 120000 万元 = 12 亿元, 160000 = 16 亿元, (160000 − 120000)/160000 = 25.0%.
        Assert.Equal("示例甲区化学药瞪羚企业（示例）（瞪羚企业，示例甲区）2024年营业收入12亿元，较2023年的16亿元下降25.0%，超过20%的预警线。",
            Message($"EnterpriseRevenueDrop:enterprise:{e["E02"].Id}:2024"));
        // 192050 万元 = 19.205 → 19.21 亿元; 95000 = 9.5 亿元.
        Assert.Equal("示例甲区体外诊断企业（示例）（示例甲区）2024年营业收入19.21亿元，较2023年的9.5亿元升过10亿元门槛，示例甲区超10亿元企业数增加1家。",
            Message($"EnterpriseTierChange:enterprise:{e["E03"].Id}:2024"));
        // 12000 万元 = 1.2 亿元; 5000 万元 stays in 万元 below 1 亿.
        Assert.Equal("示例丙区康复器械新企业（示例）（示例丙区）2024年营业收入1.2亿元，较2023年的5,000万元升过1亿元门槛，示例丙区超1亿元企业数增加1家。",
            Message($"EnterpriseTierChange:enterprise:{e["E11"].Id}:2024"));
        Assert.Equal("重点企业示例乙区外迁上市企业（示例）（龙头企业、上市企业）的注册地于2025年6月30日由示例乙区迁至示例邻市，已迁出示例市，请跟进了解原因。",
            Message($"EnterpriseMovedOut:enterprise:{e["E12"].Id}:Registration"));
    }

    [Fact]
    public async Task Each_warning_links_to_the_data_behind_it()
    {
        var warnings = await RefreshAndListAsync();
        var c = City;
        List<string> Hrefs(string key) => ByKey(warnings, key).GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()!).ToList();
        Assert.Contains($"/api/plans/{c.PlanId}/progress?year=2025", Hrefs($"TargetAtRisk:target:{c.TargetRevenueId}:2025"));
        Assert.Contains($"/api/plans/{c.PlanId}/progress?year=2025", Hrefs($"DistrictLaggingShare:allocation:{c.AllocationJiaId}:2025"));
        Assert.Contains($"/Reporting/Completeness?form={c.FormId}&period=2025Q2", Hrefs($"ReportMissing:form:{c.FormId}:unit:{c.UnitBingId}:2025Q2"));
        var e02 = c.Enterprises["E02"];
        Assert.Contains($"/api/enterprises/{e02.CreditCode}", Hrefs($"EnterpriseRevenueDrop:enterprise:{e02.Id}:2024"));
    }

    [Fact]
    public async Task The_decreasing_target_sentence_states_the_same_completion_as_the_dashboard()
    {
        var warnings = await RefreshAndListAsync();
        var message = ByKey(warnings, $"TargetAtRisk:target:{City.TargetEnergyId}:2025").GetProperty("message").GetString()!;
        // Lower is better: the dashboard's percentOfTarget is target / actual = 5.9049 / 14.641 = 40.3%, and the city is rising away from
        // its ceiling (R = 0.1 / −0.1 = −1 → 倒退). A sentence saying "完成目标的247.9%" (14.641 / 5.9049) reads as over-achieved.
        Assert.True(message.Contains("完成目标的40.3%"),
            "GOLDEN DISCREPANCY (H2 WarningRules.AttainmentSentence): for a lower-is-better target the completion must be target/actual " +
            $"like the dashboard's percentOfTarget (40.3%), not actual/target. Message was: {message}");
        Assert.Contains("2024年实际为14.64千克标准煤/万元", message);
        Assert.Contains("按目前增速预计2025年达到16.11千克标准煤/万元", message);
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenWarningsTests(GoldenSqliteFactory app) : GoldenWarningsTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenWarningsTests(GoldenPostgresFactory app) : GoldenWarningsTests(app), IClassFixture<GoldenPostgresFactory>;
