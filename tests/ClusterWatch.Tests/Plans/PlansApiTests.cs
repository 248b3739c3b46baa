using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Plans;

public abstract class PlansApiTests(AppFactory app)
{
    private const string WorkPlanSlug = "shenzhen-bio-internet-newenergy-workplan-2010-2012";
    private readonly HttpClient _client = app.Client();

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> PlanId(string slug)
    {
        var plans = await GetJson("/api/plans");
        return plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt32();
    }

    private async Task<int> IndicatorId(int planId, string name)
    {
        var targets = await GetJson($"/api/plans/{planId}/targets?pageSize=500");
        return targets.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("indicator"))
            .First(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    private static readonly string[] SeededSlugs =
    [
        "shenzhen-bio-plan-2009-2015", "shenzhen-bio-internet-newenergy-workplan-2010-2012", "shenzhen-biomed-cluster-2020-2025",
        "guangzhou-biomed-action-2018-2020", "guangdong-biomed-health-cluster-2021-2025",
    ];

    [Fact]
    public async Task Plans_list_the_five_plans_with_ids_titles_and_counts()
    {
        // Other tests in the collection add plans of their own; the five seeded ones are known by slug.
        var plans = await GetJson("/api/plans?pageSize=500");
        var items = plans.GetProperty("items").EnumerateArray()
            .Where(p => SeededSlugs.Contains(p.GetProperty("slug").GetString())).ToList();
        Assert.Equal(5, items.Count);
        Assert.True(plans.GetProperty("total").GetInt32() >= 5);
        Assert.All(items, p => Assert.True(p.GetProperty("id").GetInt32() > 0));
        Assert.Contains(items, p => p.GetProperty("title").GetString() == "深圳生物产业振兴发展规划（2009-2015年）");
        var workPlan = items.Single(p => p.GetProperty("slug").GetString() == WorkPlanSlug);
        Assert.Equal("深圳市", workPlan.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(54, workPlan.GetProperty("counts").GetProperty("allocations").GetInt32());
        Assert.Equal(31, workPlan.GetProperty("counts").GetProperty("tasks").GetInt32());
    }

    [Fact]
    public async Task A_plan_is_returned_with_its_full_text()
    {
        var id = await PlanId(WorkPlanSlug);
        var plan = await GetJson($"/api/plans/{id}");
        Assert.Equal("深府办〔2010〕98号", plan.GetProperty("docNumber").GetString());
        Assert.Contains("生物产业规模", plan.GetProperty("fullText").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/plans/999999")).StatusCode);
    }

    [Fact]
    public async Task Targets_of_the_work_plan_for_2012_include_900_yi_of_bio_industry_scale()
    {
        var id = await PlanId(WorkPlanSlug);
        var targets = await GetJson($"/api/plans/{id}/targets?year=2012&pageSize=500");
        var items = targets.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, t => Assert.Equal(2012, t.GetProperty("year").GetInt32()));
        Assert.Contains(items, t => t.GetProperty("indicator").GetProperty("name").GetString() == "生物产业规模"
            && t.GetProperty("value").GetDecimal() == 900m && t.GetProperty("unit").GetString() == "亿元"
            && t.GetProperty("region").GetProperty("code").GetString() == "440300");
    }

    [Fact]
    public async Task Allocations_of_the_work_plan_include_the_Pingshan_new_area_with_its_series()
    {
        var id = await PlanId(WorkPlanSlug);
        var allocations = await GetJson($"/api/plans/{id}/allocations?year=2012&pageSize=500");
        var pingshan = allocations.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("region").GetProperty("name").GetString() == "坪山新区").ToList();
        Assert.Equal(3, pingshan.Count);
        Assert.All(pingshan, a => Assert.Equal("440310", a.GetProperty("region").GetProperty("seriesCode").GetString()));
    }

    [Fact]
    public async Task Tasks_carry_their_lead_units_and_all_units_in_written_order()
    {
        var id = await PlanId(WorkPlanSlug);
        var tasks = await GetJson($"/api/plans/{id}/tasks?pageSize=500");
        var first = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("number").GetString() == "二.（一）");
        var lead = Assert.Single(first.GetProperty("leadUnits").EnumerateArray());
        Assert.Equal("市发展改革委", lead.GetProperty("writtenAs").GetString());
        Assert.True(lead.GetProperty("id").GetInt32() > 0);
        var written = first.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("writtenAs").GetString()).ToList();
        Assert.Equal(["市发展改革委", "科工贸信委", "规划国土委", "人居环境委", "药品监管局", "各区政府", "新区管委会"], written);
    }

    [Fact]
    public async Task Creating_a_target_with_an_unknown_region_is_rejected_naming_the_field()
    {
        var id = await PlanId(WorkPlanSlug);
        var indicatorId = await IndicatorId(id, "生物产业规模");
        var before = (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32();
        var response = await _client.PostAsJsonAsync($"/api/plans/{id}/targets",
            new { indicatorId, regionCode = "999999", year = 2012, comparator = ">=", value = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.Equal(before, (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_target_range_with_its_maximum_below_its_value_is_rejected()
    {
        var id = await PlanId(WorkPlanSlug);
        var indicatorId = await IndicatorId(id, "生物产业规模");
        var response = await _client.PostAsJsonAsync($"/api/plans/{id}/targets",
            new { indicatorId, regionCode = "440300", year = 2101, value = -5, valueMax = -10 });
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("year", out _));
        Assert.True(errors.TryGetProperty("value", out _));
        Assert.True(errors.TryGetProperty("valueMax", out _));
    }

    [Fact]
    public async Task A_target_body_with_text_for_a_number_is_a_ProblemDetails_400()
    {
        var id = await PlanId(WorkPlanSlug);
        var response = await _client.PostAsync($"/api/plans/{id}/targets",
            new StringContent("{\"indicatorId\":1,\"year\":2012,\"value\":\"abc\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_import_without_a_file_is_a_ProblemDetails_naming_the_file_field()
    {
        var id = await PlanId(WorkPlanSlug);
        var response = await _client.PostAsync($"/api/plans/{id}/imports/targets", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task An_updated_target_is_restored_to_its_old_value_through_the_audit_log()
    {
        var id = await PlanId(WorkPlanSlug);
        var indicatorId = await IndicatorId(id, "生物产业规模");
        var created = await _client.PostAsJsonAsync($"/api/plans/{id}/targets",
            new { indicatorId, regionCode = "440305", year = 2013, comparator = "约", value = 120, quote = "测试" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var target = await Json(created);
        var targetId = target.GetProperty("id").GetInt32();
        Assert.Equal("About", target.GetProperty("comparator").GetString());
        Assert.Equal("南山区", target.GetProperty("region").GetProperty("name").GetString());

        var updated = await _client.PutAsJsonAsync($"/api/targets/{targetId}",
            new { indicatorId, regionCode = "440305", year = 2013, comparator = ">=", value = 150 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(150m, (await Json(updated)).GetProperty("value").GetDecimal());

        var audit = await GetJson($"/api/audit?entityType=Target&entityId={targetId}");
        var modified = audit.GetProperty("items").EnumerateArray().First(a => a.GetProperty("action").GetString() == "Modified");
        Assert.Equal(120m, modified.GetProperty("before").GetProperty("Value").GetDecimal());
        Assert.Equal(150m, modified.GetProperty("after").GetProperty("Value").GetDecimal());

        var restore = await _client.PostAsync($"/api/audit/{modified.GetProperty("id").GetInt64()}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var restored = await GetJson($"/api/targets/{targetId}");
        Assert.Equal(120m, restored.GetProperty("value").GetDecimal());
        Assert.Equal("About", restored.GetProperty("comparator").GetString());

        var afterRestore = await GetJson($"/api/audit?entityType=Target&entityId={targetId}");
        Assert.Equal(3, afterRestore.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_deleted_task_comes_back_with_its_units_through_the_audit_log()
    {
        var id = await PlanId(WorkPlanSlug);
        var created = await _client.PostAsJsonAsync($"/api/plans/{id}/tasks",
            new { number = "测试.1", title = "测试任务", leadUnits = new[] { "市发展改革委" }, participantUnits = new[] { "各区政府" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (await Json(created)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/tasks/{taskId}")).StatusCode);

        var audit = await GetJson($"/api/audit?entityType=PlanTask&entityId={taskId}");
        var deleted = audit.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "Deleted");
        var restore = await _client.PostAsync($"/api/audit/{deleted.GetProperty("id").GetInt64()}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);

        var task = await GetJson($"/api/tasks/{taskId}");
        Assert.Equal("测试任务", task.GetProperty("title").GetString());
        Assert.Equal(["市发展改革委", "各区政府"], task.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("writtenAs").GetString()).ToList());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/audit/{deleted.GetProperty("id").GetInt64()}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task A_task_with_an_unknown_unit_is_rejected_naming_the_unit()
    {
        var id = await PlanId(WorkPlanSlug);
        var response = await _client.PostAsJsonAsync($"/api/plans/{id}/tasks",
            new { number = "测试.2", title = "测试任务", leadUnits = new[] { "市发展改革委" }, participantUnits = new[] { "火星事务局" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Contains("火星事务局", errors.GetProperty("participantUnits[0]")[0].GetString());
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return form;
    }

    [Fact]
    public async Task A_targets_file_with_one_bad_row_is_rejected_and_the_target_count_is_unchanged()
    {
        var id = await PlanId(WorkPlanSlug);
        var before = (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32();
        var csv = "指标,单位,地区,年份,比较符,目标值,目标上限,原文\n"
            + "生物产业规模,亿元,深圳市,2012,=,950,,\n"
            + "生物产业规模,亿元,火星区,2012,≥,abc,,\n"
            + "生物产业规模,亿元,南山区,2012,~,100,,\n";
        var response = await _client.PostAsync($"/api/plans/{id}/imports/targets", Upload("targets.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        var rowErrors = problem.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.All(rowErrors, e => Assert.Equal(3, e.GetProperty("row").GetInt32()));
        Assert.Equal(["地区", "目标值"], rowErrors.Select(e => e.GetProperty("field").GetString()).Order().ToList());
        Assert.Equal(before, (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_targets_xlsx_file_is_imported_and_an_unknown_indicator_with_a_unit_is_created()
    {
        var id = await PlanId(WorkPlanSlug);
        var before = (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32();
        var xlsx = XlsxWriter.ToBytes([new XlsxSheet("目标", ["指标", "单位", "地区", "年份", "比较符", "目标值", "目标上限", "原文"],
            [["生物产业规模", "亿元", "福田区", 2012, "=", 31, null, null], ["导入测试 新建孵化器数", "个", "深圳市", 2012, "≥", 1, 2, "导入测试"]])]);
        var response = await _client.PostAsync($"/api/plans/{id}/imports/targets", Upload("targets.xlsx", xlsx));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await Json(response);
        Assert.Equal(2, summary.GetProperty("imported").GetInt32());
        Assert.Single(summary.GetProperty("newIndicators").EnumerateArray());
        var after = await GetJson($"/api/plans/{id}/targets?year=2012&pageSize=500");
        var created = after.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("indicator").GetProperty("name").GetString() == "导入测试 新建孵化器数");
        Assert.Equal("AtLeast", created.GetProperty("comparator").GetString());
        Assert.Equal(2m, created.GetProperty("valueMax").GetDecimal());
        Assert.Equal(before + 2, (await GetJson($"/api/plans/{id}/targets")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_tasks_file_naming_an_unknown_unit_is_rejected_listing_the_name()
    {
        var id = await PlanId(WorkPlanSlug);
        var before = (await GetJson($"/api/plans/{id}/tasks")).GetProperty("total").GetInt32();
        var csv = "编号,标题,内容,牵头单位,参与单位\n九.1,统计监测,,市发展改革委,科工贸信委、不存在办\n";
        var response = await _client.PostAsync($"/api/plans/{id}/imports/tasks", Upload("tasks.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await Json(response)).GetProperty("rowErrors").EnumerateArray());
        Assert.Equal("参与单位", error.GetProperty("field").GetString());
        Assert.Contains("不存在办", error.GetProperty("message").GetString());
        Assert.Equal(before, (await GetJson($"/api/plans/{id}/tasks")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_allocations_template_and_export_are_xlsx_files_with_the_import_headers()
    {
        var template = await _client.GetAsync("/api/plans/imports/allocations/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var table = TabularFileReader.Read(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), "t.xlsx");
        Assert.Equal(["指标", "单位", "地区", "年份", "分解值"], table.Headers);

        var id = await PlanId(WorkPlanSlug);
        var export = await _client.GetAsync($"/api/plans/{id}/allocations/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = TabularFileReader.Read(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), "e.xlsx");
        Assert.Equal(54, exported.Rows.Count);
        Assert.Contains(exported.Rows, r => r.Get("地区") == "坪山新区" && r.Get("年份") == "2012");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlansApiTests(SqliteAppFactory app) : PlansApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresPlansApiTests(PostgresAppFactory app) : PlansApiTests(app);
