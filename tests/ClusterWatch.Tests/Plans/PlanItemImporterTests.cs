using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Tests.Plans;

public class PlanItemImporterTests
{
    private static readonly Region Guangdong = new() { Id = 1, Code = "440000", Name = "广东省", Level = RegionLevel.Province, SeriesCode = "440000" };
    private static readonly Region Shenzhen = new() { Id = 2, Code = "440300", Name = "深圳市", Level = RegionLevel.City, ParentId = 1, SeriesCode = "440300" };
    private static readonly Region Futian = new() { Id = 3, Code = "440304", Name = "福田区", Level = RegionLevel.District, ParentId = 2, SeriesCode = "440304" };
    private static readonly Region PingshanNewArea = new() { Id = 4, Code = "4403PS", Name = "坪山新区", Level = RegionLevel.FunctionalZone, ParentId = 2, ValidFromYear = 2009, ValidToYear = 2016, SeriesCode = "440310", IsOfficialCode = false };
    private static readonly Region[] Regions = [Guangdong, Shenzhen, Futian, PingshanNewArea];

    private static readonly Indicator BioScale = new() { Id = 10, Name = "生物产业规模", Unit = "亿元", Kind = IndicatorKind.Amount };

    private static readonly Unit Ndrc = new()
    {
        Id = 20, FullName = "深圳市发展和改革委员会", ShortName = "市发展改革委", RegionId = 2,
        Aliases = [new UnitAlias { Alias = "发展改革委" }],
    };
    private static readonly Unit Districts = new() { Id = 21, FullName = "各区政府", ShortName = "各区政府", Kind = UnitKind.Collective, RegionId = 2 };

    private static readonly Plan WorkPlan = new() { Id = 5, RegionId = 2, Region = Shenzhen, PeriodStart = 2010, PeriodEnd = 2012 };

    private static PlanItemImporter Importer() => new(WorkPlan, [BioScale], Regions, [Ndrc, Districts]);

    private static TabularTable Table(string[] headers, params string[][] rows) =>
        new(headers, rows.Select((cells, i) => new TabularRow(i + 2,
            headers.Zip(cells).ToDictionary(p => p.First, p => p.Second))).ToList());

    private static readonly string[] TargetHeaders = ["指标", "单位", "地区", "年份", "比较符", "目标值", "目标上限", "原文"];

    [Fact]
    public void A_target_row_becomes_a_target_of_the_plan_with_its_comparator_and_region()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(TargetHeaders, ["生物产业规模", "亿元", "福田区", "2012年", "≥", "1,000.5", "", "原文"]));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var target = Assert.Single(result.Targets);
        Assert.Equal((5, 10, 3, 2012, Comparator.AtLeast, 1000.5m), (target.PlanId, target.IndicatorId, target.RegionId, target.Year, target.Comparator, target.Value));
        Assert.Equal("原文", target.Quote);
        Assert.Empty(result.NewIndicators);
    }

    [Fact]
    public void A_target_without_a_region_belongs_to_the_plan_region()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(["指标", "年份", "目标值"], ["生物产业规模", "2011", "700"]));
        Assert.Equal(Shenzhen.Id, Assert.Single(result.Targets).RegionId);
        Assert.Equal("亿元", result.Targets[0].Unit);
    }

    [Theory]
    [InlineData("=", Comparator.Equal)]
    [InlineData("", Comparator.Equal)]
    [InlineData(">=", Comparator.AtLeast)]
    [InlineData("≥", Comparator.AtLeast)]
    [InlineData("~", Comparator.About)]
    [InlineData("约", Comparator.About)]
    [InlineData("左右", Comparator.About)]
    [InlineData("<=", Comparator.AtMost)]
    [InlineData("≤", Comparator.AtMost)]
    public void Comparators_are_read_as_people_write_them(string text, Comparator expected)
    {
        Assert.True(PlanValueText.TryParseComparator(text, out var comparator));
        Assert.Equal(expected, comparator);
    }

    [Fact]
    public void Every_bad_row_and_field_is_listed_and_nothing_is_returned_to_write()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(TargetHeaders,
            ["生物产业规模", "亿元", "深圳市", "2012", "=", "900", "", ""],
            ["生物产业规模", "亿元", "火星区", "1999", "大约", "-3", "", ""],
            ["生物产业规模", "亿元", "深圳市", "2012", "=", "10", "5", ""]));
        Assert.False(result.Succeeded);
        Assert.Equal([(3, "地区"), (3, "年份"), (3, "比较符"), (3, "目标值"), (4, "目标上限")],
            result.Errors.Select(e => (e.Row, e.Field)).ToList());
        Assert.Contains("火星区", result.Errors[0].Message);
        Assert.Contains("第 3 行", result.Errors[0].Message);
    }

    [Fact]
    public void An_unknown_indicator_with_a_unit_is_created_once_and_classified()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(TargetHeaders,
            ["互联网产业 营业收入超十亿元企业数", "家", "深圳市", "2012", "=", "3", "", ""],
            ["互联网产业 营业收入超十亿元企业数", "家", "深圳市", "2011", "=", "2", "", ""]));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var created = Assert.Single(result.NewIndicators);
        Assert.Equal((IndicatorKind.Count, Sector.Internet), (created.Kind, created.Sector));
        Assert.All(result.Targets, t => Assert.Same(created, t.Indicator));
    }

    [Fact]
    public void A_known_indicator_with_another_unit_is_an_error_not_a_new_indicator()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(["指标", "单位", "年份", "目标值"], ["生物产业规模", "万元", "2012", "9000000"]));
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "单位"), (error.Row, error.Field));
        Assert.Empty(result.NewIndicators);
    }

    [Fact]
    public void An_unknown_indicator_without_a_unit_is_an_error_asking_for_the_unit()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(["指标", "年份", "目标值"], ["新药批件数", "2012", "3"]));
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "指标"), (error.Row, error.Field));
        Assert.Contains("单位", error.Message);
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var result = Importer().Import(PlanItemKind.Allocations, Table(["指标", "单位", "年份", "分解值"], ["生物产业规模", "亿元", "2011", "28"]));
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "地区"), (error.Row, error.Field));
    }

    [Fact]
    public void Allocations_reach_historical_new_areas_by_name()
    {
        var result = Importer().Import(PlanItemKind.Allocations, Table(["指标", "单位", "地区", "年份", "分解值"],
            ["生物产业规模", "亿元", "坪山新区", "2011", "3"], ["生物产业规模", "亿元", "440304", "2011", "28"]));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal([PingshanNewArea.Id, Futian.Id], result.Allocations.Select(a => a.RegionId).ToList());
    }

    [Fact]
    public void Task_units_keep_the_written_order_with_leads_first()
    {
        var result = Importer().Import(PlanItemKind.Tasks, Table(["编号", "标题", "内容", "牵头单位", "参与单位"],
            ["二.（一）", "推进重点领域产业链建设", "", "市发展改革委", "各区政府、发展改革委"]));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var task = Assert.Single(result.Tasks);
        Assert.Equal([("市发展改革委", 20, AssignmentRole.Lead, 0), ("各区政府", 21, AssignmentRole.Participant, 1), ("发展改革委", 20, AssignmentRole.Participant, 2)],
            task.Assignments.Select(a => (a.WrittenAs, a.UnitId, a.Role, a.Position)).ToList());
    }

    [Fact]
    public void Unknown_task_units_are_errors_naming_each_unit()
    {
        var result = Importer().Import(PlanItemKind.Tasks, Table(["编号", "标题", "牵头单位", "参与单位"],
            ["1", "任务一", "创投办", "各区政府、金融办"]));
        Assert.Empty(result.Tasks);
        Assert.Equal([("牵头单位", true), ("参与单位", true)], result.Errors.Select(e => (e.Field, e.Message.Contains(e.Field == "牵头单位" ? "创投办" : "金融办"))).ToList());
    }

    [Fact]
    public void A_file_with_only_blank_rows_is_rejected()
    {
        var result = Importer().Import(PlanItemKind.Targets, Table(["指标", "年份", "目标值"], ["", " ", ""]));
        Assert.False(result.Succeeded);
    }
}
