using ClusterWatch.Core.Analytics.Warnings;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Analytics;

public class WarningsRulesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly WarningRules _rules = new(new WarningOptions());

    private static AttainmentInput Target(string status, decimal? actual = 80m, int? allocationId = null) =>
        new(1, allocationId is null ? 11 : null, allocationId, 5, "深圳市", "生物产业规模", "亿元", 2025, 100m, actual, 2024, 95m, status, "需加速", false);

    [Theory]
    [InlineData("NeedsAcceleration", WarningSeverity.Warning)]
    [InlineData("LimitedProgress", WarningSeverity.Critical)]
    [InlineData("Deterioration", WarningSeverity.Critical)]
    public void A_target_needing_acceleration_or_worse_raises_a_warning_of_its_severity(string status, WarningSeverity expected)
    {
        var c = _rules.TargetAtRisk(Target(status));
        Assert.NotNull(c);
        Assert.Equal(expected, c.Severity);
        Assert.Equal("TargetAtRisk:target:11:2025", c.Key);
        Assert.Contains("2024年实际为80亿元（完成目标的80.0%）", c.Message);
        Assert.Contains("预计2025年达到95亿元", c.Message);
        Assert.Contains(c.Links, l => l.Href == "/api/plans/1/progress?year=2025");
    }

    [Theory]
    [InlineData("OnTrack")]
    [InlineData("Achieved")]
    [InlineData("InsufficientData")]
    public void A_target_on_track_achieved_or_without_data_raises_nothing(string status)
    {
        Assert.Null(_rules.TargetAtRisk(Target(status)));
        Assert.Null(_rules.AllocationAtRisk(Target(status, allocationId: 7)));
    }

    [Fact]
    public void The_sentence_states_the_dashboards_completion_so_a_lower_is_better_target_reads_target_over_actual()
    {
        var energy = new AttainmentInput(1, 12, null, 5, "深圳市", "产值能耗", "千克标准煤/万元", 2025, 5.9m, 14.64m, 2024, 16.11m, "Deterioration", "倒退", false)
        { PercentOfTarget = 40.3m };
        Assert.Contains("2024年实际为14.64千克标准煤/万元（完成目标的40.3%）", _rules.TargetAtRisk(energy)!.Message);
    }

    [Fact]
    public void A_district_share_at_risk_is_keyed_by_its_allocation()
    {
        var c = _rules.AllocationAtRisk(Target("LimitedProgress", allocationId: 7));
        Assert.Equal("AllocationAtRisk:allocation:7:2025", c!.Key);
        Assert.Equal(WarningSeverity.Critical, c.Severity);
    }

    private static DistrictShareInput Share(decimal districtActual) =>
        new(new AttainmentInput(1, null, 7, 9, "南山区", "生物产业规模", "亿元", 2025, 100m, districtActual, 2024, null, "OnTrack", "进展顺利", true),
            11, "深圳市", 1000m, 1000m, 2024, false);

    [Fact]
    public void A_district_exactly_ten_points_below_the_city_is_not_lagging()
    {
        Assert.Null(_rules.DistrictLaggingShare(Share(90m)));
    }

    [Fact]
    public void A_district_just_over_ten_points_below_the_city_is_lagging()
    {
        var c = _rules.DistrictLaggingShare(Share(89.99m));
        Assert.NotNull(c);
        Assert.Equal(WarningKind.DistrictLaggingShare, c.Kind);
        Assert.Contains("完成89.99亿元，完成率90.0%", c.Message);
        Assert.Contains("低于深圳市完成率100.0%", c.Message);
        Assert.True(c.IsSynthetic);
    }

    [Fact]
    public void The_lag_threshold_is_an_option()
    {
        var rules = new WarningRules(new WarningOptions { DistrictLagPoints = 5m });
        Assert.NotNull(rules.DistrictLaggingShare(Share(94.99m)));
        Assert.Null(rules.DistrictLaggingShare(Share(95m)));
    }

    private static TaskInput Task(bool done = false) =>
        new(3, 1, "深圳生物医药集群行动计划", 2025, "（一）", "建设创新平台", done, "推进中", 5, "市发展改革委", false) { LeadUnitId = 30 };

    [Fact]
    public void An_unfinished_task_is_not_overdue_on_the_last_day_of_its_plan()
    {
        Assert.Null(_rules.TaskOverdue(Task(), new DateTimeOffset(2025, 12, 31, 23, 59, 59, China)));
    }

    [Fact]
    public void An_unfinished_task_is_overdue_the_moment_its_plan_ends()
    {
        var c = _rules.TaskOverdue(Task(), new DateTimeOffset(2026, 1, 1, 0, 0, 0, China));
        Assert.NotNull(c);
        Assert.Equal(("TaskOverdue:task:3", 30), (c.Key, c.UnitId!.Value));
        Assert.Contains("应于2025年底前完成", c.Message);
        Assert.Contains("市发展改革委", c.Message);
        Assert.Null(_rules.TaskOverdue(Task(done: true), new DateTimeOffset(2026, 1, 1, 0, 0, 0, China)));
    }

    [Fact]
    public void A_task_of_a_plan_closed_longer_than_the_option_is_history_not_a_warning()
    {
        Assert.NotNull(_rules.TaskOverdue(Task(), new DateTimeOffset(2028, 12, 31, 23, 59, 59, China)));
        Assert.Null(_rules.TaskOverdue(Task(), new DateTimeOffset(2029, 1, 1, 0, 0, 0, China)));
    }

    private static TaskUnitHistory History(params (TaskProgress Status, int Percent)[] reports) =>
        new(3, 1, "（一）", "建设创新平台", 20, "南山区政府", 9,
            reports.Select((r, i) => new TaskReportPoint($"2025Q{i + 1}", r.Status, r.Percent, 100 + i)).ToList(), true);

    [Fact]
    public void A_task_with_the_same_status_for_two_reports_is_stalled()
    {
        var c = _rules.TaskStalled(History((TaskProgress.InProgress, 60), (TaskProgress.InProgress, 40), (TaskProgress.InProgress, 40)));
        Assert.NotNull(c);
        Assert.Equal("TaskStalled:task:3:unit:20", c.Key);
        Assert.Contains("连续2期（2025年第2季度、2025年第3季度）状态均为“推进中”，进度停留在40%", c.Message);
        Assert.Contains(c.Links, l => l.Href == "/Reporting/History?id=102");
    }

    [Fact]
    public void One_report_or_a_change_of_status_or_percent_or_done_is_not_stalled()
    {
        Assert.Null(_rules.TaskStalled(History((TaskProgress.InProgress, 40))));
        Assert.Null(_rules.TaskStalled(History((TaskProgress.NotStarted, 0), (TaskProgress.InProgress, 0))));
        Assert.Null(_rules.TaskStalled(History((TaskProgress.InProgress, 40), (TaskProgress.InProgress, 45))));
        Assert.Null(_rules.TaskStalled(History((TaskProgress.Done, 100), (TaskProgress.Done, 100))));
    }

    [Fact]
    public void The_number_of_stalled_periods_is_an_option()
    {
        var rules = new WarningRules(new WarningOptions { StalledPeriods = 3 });
        Assert.Null(rules.TaskStalled(History((TaskProgress.InProgress, 10), (TaskProgress.Lagging, 40), (TaskProgress.Lagging, 40))));
        Assert.NotNull(rules.TaskStalled(History((TaskProgress.Lagging, 40), (TaskProgress.Lagging, 40), (TaskProgress.Lagging, 40))));
    }

    private static readonly ReportingPeriod Q3 = new(PeriodType.Quarter, 2025, 3);
    private static readonly DateTimeOffset Q3Deadline = new(2025, 10, 10, 23, 59, 59, China);

    private static FormPeriodInput Form(params UnitSubmission[] submissions) =>
        new(4, "季报", null, new CalendarRules(PeriodType.Quarter), Q3,
            [new ReportingUnit(1, "南山区政府", 9), new ReportingUnit(2, "福田区政府", 10), new ReportingUnit(3, "市统计局", 5)], submissions, true);

    [Fact]
    public void No_report_warning_is_raised_until_the_deadline_has_passed()
    {
        Assert.Empty(_rules.Reports(Form(), Q3Deadline));
    }

    [Fact]
    public void After_the_deadline_a_missing_report_is_critical_and_a_late_one_a_notice()
    {
        var form = Form(new UnitSubmission(2, SubmissionStatus.Submitted, Q3Deadline.AddDays(2), 55), new UnitSubmission(3, SubmissionStatus.Accepted, Q3Deadline.AddDays(-1), 56));
        var warnings = _rules.Reports(form, Q3Deadline.AddSeconds(1)).ToList();
        Assert.Equal(2, warnings.Count);
        var missing = Assert.Single(warnings, w => w.Kind == WarningKind.ReportMissing);
        Assert.Equal((WarningSeverity.Critical, 1, "ReportMissing:form:4:unit:1:2025Q3"), (missing.Severity, missing.UnitId!.Value, missing.Key));
        Assert.Contains("南山区政府未在2025年10月10日截止前报送《季报》2025年第3季度报表", missing.Message);
        var late = Assert.Single(warnings, w => w.Kind == WarningKind.ReportLate);
        Assert.Equal((WarningSeverity.Notice, 2), (late.Severity, late.UnitId!.Value));
        Assert.Contains("晚于截止日期2025年10月10日2天", late.Message);
    }

    [Fact]
    public void The_latest_due_period_is_the_last_one_whose_deadline_is_before_now()
    {
        var calendar = new ReportingCalendar(new CalendarRules(PeriodType.Quarter));
        Assert.Equal("2025Q2", WarningRules.LatestDuePeriod(calendar, Q3Deadline).Key);
        Assert.Equal("2025Q3", WarningRules.LatestDuePeriod(calendar, Q3Deadline.AddSeconds(1)).Key);
    }

    private static EnterpriseYearsInput Firm(decimal previous, decimal revenue, params CultivationPool[] pools) =>
        new(8, "91440300MA5FTEST01", "示例生物科技有限公司", 9, "南山区", true, pools, 2025, revenue, previous);

    [Fact]
    public void A_pool_enterprise_whose_revenue_fell_exactly_twenty_percent_raises_nothing()
    {
        Assert.Null(_rules.RevenueDrop(Firm(10_000m, 8_000m, CultivationPool.Gazelle)));
    }

    [Fact]
    public void A_pool_enterprise_whose_revenue_fell_just_over_twenty_percent_raises_a_warning()
    {
        var c = _rules.RevenueDrop(Firm(10_000m, 7_999m, CultivationPool.Gazelle));
        Assert.NotNull(c);
        Assert.Equal(WarningSeverity.Warning, c.Severity);
        Assert.Equal("EnterpriseRevenueDrop:enterprise:8:2025", c.Key);
        Assert.Contains("（瞪羚企业，南山区）2025年营业收入7,999万元，较2024年的1亿元下降20.0%", c.Message);
        Assert.Null(_rules.RevenueDrop(Firm(10_000m, 7_999m)));
    }

    [Fact]
    public void Crossing_ten_yi_upwards_is_a_notice_that_the_tier_count_grows()
    {
        var c = _rules.TierChange(Firm(99_999m, 100_000m));
        Assert.NotNull(c);
        Assert.Equal(WarningSeverity.Notice, c.Severity);
        Assert.Contains("升过10亿元门槛，南山区超10亿元企业数增加1家", c.Message);
    }

    [Fact]
    public void Falling_below_ten_yi_is_a_warning_and_staying_at_ten_yi_is_nothing()
    {
        var down = _rules.TierChange(Firm(100_000m, 99_999m));
        Assert.Equal(WarningSeverity.Warning, down!.Severity);
        Assert.Contains("超10亿元企业数减少1家", down.Message);
        Assert.Null(_rules.TierChange(Firm(100_000m, 100_000m)));
        Assert.Null(_rules.TierChange(Firm(100_000m, 999_999m)));
    }

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, China);

    private static EnterpriseMoveInput Move(DateTimeOffset at, string? keyReason = "龙头企业", int toCity = 2) =>
        new(8, "91440300MA5FTEST01", "示例生物科技有限公司", true, keyReason, MoveKind.Registration, at,
            new Place(9, "南山区", 1, "深圳市"), new Place(20, toCity == 1 ? "福田区" : "天河区", toCity, toCity == 1 ? "深圳市" : "广州市"));

    [Fact]
    public void A_key_enterprise_moving_to_another_city_within_the_window_raises_a_critical_warning()
    {
        var c = _rules.MovedOut(Move(Now.AddDays(-365)), Now);
        Assert.NotNull(c);
        Assert.Equal(WarningSeverity.Critical, c.Severity);
        Assert.Contains("重点企业示例生物科技有限公司（龙头企业）的注册地于2025年6月1日由南山区迁至天河区（广州市），已迁出深圳市", c.Message);
    }

    [Fact]
    public void A_move_before_the_window_within_the_city_or_of_a_non_key_enterprise_raises_nothing()
    {
        Assert.Null(_rules.MovedOut(Move(Now.AddDays(-365).AddSeconds(-1)), Now));
        Assert.Null(_rules.MovedOut(Move(Now.AddDays(-1), toCity: 1), Now));
        Assert.Null(_rules.MovedOut(Move(Now.AddDays(-1), keyReason: null), Now));
    }
}
