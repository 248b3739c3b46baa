using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Tests.Seeding;
using ClusterWatch.Web.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Plans;

/// <summary>PlanImporter on a seeded SQLite database: what a preview proposes, what a save writes, and that a bad row writes nothing.</summary>
public sealed class PlanImporterTests(SqliteSeededDatabase database) : IClassFixture<SqliteSeededDatabase>
{
    private const string WorkPlan = "shenzhen-bio-internet-newenergy-workplan-2010-2012";

    private static string SeedText(string slug) => File.ReadAllText(Path.Combine(AppPaths.SeedData, "plans", slug + ".txt"));
    private static PlanExtraction Gold(string slug) => PlanExtraction.Parse(File.ReadAllText(Path.Combine(AppPaths.SeedData, "plans", slug + ".json")));

    private static PlanExtraction Small(string taskUnits = "市发展改革委、市未来产业促进办", string targetRegion = "深圳市") => new(
        "深圳市测试产业行动计划（2021-2025年）", "深圳市人民政府", null, "深圳市", 2021, 2025,
        [new("测试产业 营业收入", targetRegion, 2025, 500, null, "亿元", ">=", "到2025年，测试产业营业收入突破500亿元")],
        [new("测试产业 营业收入", "深圳市", 2020, 200, "亿元", "2020年测试产业营业收入200亿元")],
        [new("一.（一）", "建设测试平台", ["市发展改革委"], PlanExtractionForm.SplitUnits(taskUnits))],
        [new("测试产业 营业收入", "南山区", 2025, 120, "亿元")]);

    private const string SmallText = "深圳市测试产业行动计划（2021-2025年）\n一、发展目标\n2020年测试产业营业收入200亿元。到2025年，测试产业营业收入突破500亿元，\n成为支柱。\n（一）建设测试平台。建设若干平台。（责任单位：市发展改革委、市未来产业促进办）\n";

    [Fact]
    public async Task An_unknown_unit_is_proposed_as_a_new_unit_and_created_with_the_plan_not_dropped()
    {
        await using var db = database.NewContext();
        var preview = await new PlanImporter(db).PreviewAsync(Small(), SmallText, "test-new-unit.txt");

        Assert.True(preview.Succeeded, string.Join("；", preview.Errors.Select(e => e.Message)));
        var units = preview.TaskUnits.Single();
        Assert.Equal(["市发展改革委", "市未来产业促进办"], units.Select(u => u.WrittenAs));
        Assert.False(units[0].IsNew);
        Assert.Equal("深圳市发展和改革委员会", units[0].KnownName);
        Assert.True(units[1].IsNew);
        Assert.Equal(["市未来产业促进办"], preview.NewUnits.Select(u => u.FullName));
        Assert.Equal(0, await db.Units.CountAsync(u => u.FullName == "市未来产业促进办")); // a preview writes nothing

        var result = await new PlanImporter(db).SaveAsync(Small(), SmallText, "test-new-unit.txt");
        Assert.True(result.Succeeded);
        Assert.Equal(["市未来产业促进办"], result.NewUnits);

        await using var check = database.NewContext();
        var task = await check.PlanTasks.Include(t => t.Assignments).ThenInclude(a => a.Unit).ThenInclude(u => u!.Aliases)
            .SingleAsync(t => t.PlanId == result.PlanId);
        Assert.Equal(2, task.Assignments.Count);
        var created = task.Assignments.Single(a => a.WrittenAs == "市未来产业促进办").Unit!;
        Assert.Contains(created.Aliases, a => a.Alias == "市未来产业促进办");
        Assert.Equal("440300", (await check.Regions.SingleAsync(r => r.Id == created.RegionId)).Code);
        Assert.Equal(AssignmentRole.Lead, task.Assignments.Single(a => a.WrittenAs == "市发展改革委").Role);
    }

    [Fact]
    public async Task A_seed_document_is_saved_as_a_draft_with_every_row_and_an_audit_trail()
    {
        var gold = Gold(WorkPlan);
        await using var db = database.NewContext();
        var auditBefore = await db.AuditEntries.CountAsync();
        var unitsBefore = await db.Units.CountAsync();

        var result = await new PlanImporter(db).SaveAsync(gold, SeedText(WorkPlan), WorkPlan + ".txt");

        Assert.True(result.Succeeded, string.Join("；", result.Errors.Select(e => e.Message)));
        Assert.Equal(WorkPlan + "-2", result.Slug); // the seeded plan already has the plain slug
        Assert.Empty(result.NewUnits); // every unit of a seed plan is in the directory
        await using var check = database.NewContext();
        var plan = await check.Plans.Include(p => p.Region).SingleAsync(p => p.Id == result.PlanId);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal("深圳市", plan.Region!.Name);
        Assert.Equal(gold.Targets.Count, await check.Targets.CountAsync(t => t.PlanId == plan.Id));
        Assert.Equal(gold.Baselines.Count, await check.Baselines.CountAsync(t => t.PlanId == plan.Id));
        Assert.Equal(gold.Allocations.Count, await check.Allocations.CountAsync(t => t.PlanId == plan.Id));
        Assert.Equal(gold.Tasks.Count, await check.PlanTasks.CountAsync(t => t.PlanId == plan.Id));
        Assert.Equal(gold.Tasks.Sum(t => t.Units.Count), await check.TaskAssignments.CountAsync(a => a.PlanTask!.PlanId == plan.Id));
        Assert.Equal(unitsBefore, await check.Units.CountAsync());
        Assert.True(await check.AuditEntries.CountAsync() > auditBefore);
        // Known indicators are reused, not duplicated: the seeded plan already created them.
        Assert.Equal(await check.Indicators.CountAsync(), await check.Indicators.Select(i => new { i.Name, i.Unit }).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_row_with_an_unknown_region_is_reported_by_row_and_nothing_is_saved()
    {
        await using var db = database.NewContext();
        var plans = await db.Plans.CountAsync();
        var units = await db.Units.CountAsync();
        var indicators = await db.Indicators.CountAsync();

        var result = await new PlanImporter(db).SaveAsync(Small(targetRegion: "火星市"), SmallText, "test-bad-region.txt");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("targets[0].region", error.Field);
        Assert.Contains("目标第1条", error.Message);
        Assert.Contains("火星市", error.Message);
        Assert.Null(result.PlanId);
        await using var check = database.NewContext();
        Assert.Equal(plans, await check.Plans.CountAsync());
        Assert.Equal(units, await check.Units.CountAsync()); // the new unit of the refused plan is not created either
        Assert.Equal(indicators, await check.Indicators.CountAsync());
    }

    [Fact]
    public async Task Each_proposed_row_points_at_its_quote_and_sentence_in_the_text_even_across_a_line_break()
    {
        await using var db = database.NewContext();
        var preview = await new PlanImporter(db).PreviewAsync(Small(), SmallText, "test-spans.txt");

        var target = preview.TargetSources.Single();
        Assert.Equal("到2025年，测试产业营业收入突破500亿元", SmallText[target.Quote!.Start..target.Quote.End]);
        Assert.Equal("到2025年，测试产业营业收入突破500亿元，\n成为支柱。", SmallText[target.Sentence!.Start..target.Sentence.End]);
        var task = preview.TaskSources.Single();
        Assert.Equal("建设测试平台", SmallText[task.Quote!.Start..task.Quote.End]);
        Assert.EndsWith("市未来产业促进办）", SmallText[task.Sentence!.Start..task.Sentence.End]);
    }

    [Fact]
    public async Task Confirming_a_draft_marks_it_confirmed()
    {
        await using var db = database.NewContext();
        var result = await new PlanImporter(db).SaveAsync(Small(taskUnits: "市发展改革委"), SmallText, "test-confirm.txt");
        Assert.Equal(PlanStatus.Draft, result.Status);

        Assert.True(await new PlanImporter(db).ConfirmAsync(result.PlanId!.Value));
        Assert.False(await new PlanImporter(db).ConfirmAsync(int.MaxValue));
        await using var check = database.NewContext();
        Assert.Equal(PlanStatus.Confirmed, (await check.Plans.SingleAsync(p => p.Id == result.PlanId)).Status);
    }

    [Fact]
    public void The_import_report_lists_counts_and_the_new_units_proposed()
    {
        var saved = new PlanImportResult(7, "x", PlanStatus.Draft, 3, 1, 2, 4, ["市未来产业促进办"], [], []);
        var text = PlanImportReport.Saved(saved);
        Assert.Contains("编号 7", text);
        Assert.Contains("目标 3 条，基数 1 条，目标分解 2 条，任务 4 条", text);
        Assert.Contains("新单位 1 个", text);
        Assert.Contains("市未来产业促进办", text);

        var summary = PlanImportReport.Summary(Small());
        Assert.Contains("目标 1 条，基数 1 条，目标分解 1 条，任务 1 条", summary);
        Assert.Contains("2025 深圳市 测试产业 营业收入 >= 500 亿元", summary);
    }

    [Fact]
    public void A_badly_typed_review_field_is_named_by_row_and_column_in_chinese()
    {
        Assert.Equal("目标第3条 数值", ClusterWatch.Web.Pages.Plans.ExtractModel.FieldLabel("Form.Targets[2].Value"));
        Assert.Equal("目标分解第1条 年份", ClusterWatch.Web.Pages.Plans.ExtractModel.FieldLabel("Form.Allocations[0].Year"));
        Assert.Equal("起始年", ClusterWatch.Web.Pages.Plans.ExtractModel.FieldLabel("Form.PeriodStart"));
    }

    [Fact]
    public void The_review_form_leaves_out_deleted_rows_and_puts_a_lead_unit_missing_from_the_list_first()
    {
        var form = PlanExtractionForm.From(Small());
        form.Targets.Add(new PlanExtractionForm.TargetRow { Indicator = "删掉", Region = "深圳市", Year = 2025, Value = 1, Unit = "家", Delete = true });
        form.Tasks[0].LeadUnits = "市科技创新委";
        form.Tasks[0].Units = "市发展改革委， 市教育局";

        var x = form.ToExtraction();

        Assert.Single(x.Targets);
        Assert.Equal(["市科技创新委"], x.Tasks[0].LeadUnits);
        Assert.Equal(["市科技创新委", "市发展改革委", "市教育局"], x.Tasks[0].Units);
    }
}
