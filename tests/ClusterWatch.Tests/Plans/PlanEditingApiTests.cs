using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Plans;

/// <summary>Writes through the API: plans, indicators, allocations, units, and restoring deleted rows from the audit log.</summary>
public abstract class PlanEditingApiTests(AppFactory app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<long> LastAuditId(string entityType, string entityId, string action)
    {
        var audit = await GetJson($"/api/audit?entityType={entityType}&entityId={entityId}");
        return audit.GetProperty("items").EnumerateArray().First(a => a.GetProperty("action").GetString() == action).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_plan_with_an_unknown_region_and_a_reversed_period_is_rejected_naming_both_fields()
    {
        var response = await _client.PostAsJsonAsync("/api/plans", new { title = "测试规划", regionCode = "000001", periodStart = 2025, periodEnd = 2021 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("regionCode", out _));
        Assert.True(errors.TryGetProperty("periodEnd", out _));
    }

    [Fact]
    public async Task A_deleted_plan_comes_back_with_its_targets_and_tasks_through_the_audit_log()
    {
        var created = await _client.PostAsJsonAsync("/api/plans", new { title = "恢复测试规划", regionCode = "440300", periodStart = 2021, periodEnd = 2025, fullText = "全文" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await Json(created)).GetProperty("id").GetInt32();
        var indicator = await Json(await _client.PostAsJsonAsync("/api/indicators", new { name = "恢复测试 企业数", unit = "家" }));
        var target = await _client.PostAsJsonAsync($"/api/plans/{planId}/targets", new { indicatorId = indicator.GetProperty("id").GetInt32(), year = 2025, value = 10 });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        var task = await _client.PostAsJsonAsync($"/api/plans/{planId}/tasks", new { title = "恢复测试任务", leadUnits = new[] { "市科技创新委" } });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/plans/{planId}")).StatusCode);

        var restore = await _client.PostAsync($"/api/audit/{await LastAuditId("Plan", planId.ToString(), "Deleted")}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(4, (await Json(restore)).GetProperty("restoredRows").GetInt32());
        var plan = await GetJson($"/api/plans/{planId}");
        Assert.Equal(1, plan.GetProperty("counts").GetProperty("targets").GetInt32());
        Assert.Equal(1, plan.GetProperty("counts").GetProperty("tasks").GetInt32());
        var tasks = await GetJson($"/api/plans/{planId}/tasks");
        Assert.Equal("市科技创新委", tasks.GetProperty("items")[0].GetProperty("leadUnits")[0].GetProperty("writtenAs").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/plans/{planId}")).StatusCode);
    }

    [Fact]
    public async Task Exported_targets_import_into_another_plan_unchanged()
    {
        var plans = await GetJson("/api/plans");
        var source = plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "shenzhen-bio-plan-2009-2015");
        var sourceId = source.GetProperty("id").GetInt32();
        var copy = await Json(await _client.PostAsJsonAsync("/api/plans", new { title = "导出再导入测试", regionCode = "440300", periodStart = 2009, periodEnd = 2015 }));
        var copyId = copy.GetProperty("id").GetInt32();

        var exported = await (await _client.GetAsync($"/api/plans/{sourceId}/targets/export")).Content.ReadAsByteArrayAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(exported), "file", "targets.xlsx" } };
        var response = await _client.PostAsync($"/api/plans/{copyId}/imports/targets", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Empty((await Json(response)).GetProperty("newIndicators").EnumerateArray());

        static List<string> Rows(JsonElement list) => list.GetProperty("items").EnumerateArray()
            .Select(t => $"{t.GetProperty("indicator").GetProperty("id")}|{t.GetProperty("region").GetProperty("code")}|{t.GetProperty("year")}|{t.GetProperty("comparator")}|{t.GetProperty("value").GetDecimal():0.####}|{t.GetProperty("quote")}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Rows(await GetJson($"/api/plans/{sourceId}/targets?pageSize=500")), Rows(await GetJson($"/api/plans/{copyId}/targets?pageSize=500")));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/plans/{copyId}")).StatusCode);
    }

    [Fact]
    public async Task A_GB18030_csv_from_Excel_imports_allocations_with_Chinese_names()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var plan = await Json(await _client.PostAsJsonAsync("/api/plans", new { title = "GB18030 测试", regionCode = "440300", periodStart = 2010, periodEnd = 2012 }));
        var planId = plan.GetProperty("id").GetInt32();
        var csv = "指标,单位,地区,年份,分解值\r\n生物产业规模,亿元,坪山新区,2011,28\r\n生物产业规模,亿元,福田区,2011,28\r\n";
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.GetEncoding("GB18030").GetBytes(csv)), "file", "分解.csv" } };
        var response = await _client.PostAsync($"/api/plans/{planId}/imports/allocations", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var allocations = await GetJson($"/api/plans/{planId}/allocations");
        Assert.Equal(["坪山新区", "福田区"], allocations.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("region").GetProperty("name").GetString()).Order().ToList());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/plans/{planId}")).StatusCode);
    }

    [Fact]
    public async Task Restoring_a_task_edit_brings_back_its_former_units()
    {
        var plans = await GetJson("/api/plans");
        var planId = plans.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt32();
        var created = await Json(await _client.PostAsJsonAsync($"/api/plans/{planId}/tasks",
            new { number = "R.1", title = "单位恢复测试", leadUnits = new[] { "市发展改革委" }, participantUnits = new[] { "各区政府" } }));
        var taskId = created.GetProperty("id").GetInt32();

        var edited = await _client.PutAsJsonAsync($"/api/tasks/{taskId}",
            new { number = "R.1", title = "单位恢复测试", leadUnits = new[] { "市科技创新委" }, participantUnits = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(["市科技创新委"], (await Json(edited)).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("writtenAs").GetString()).ToList());

        var restore = await _client.PostAsync($"/api/audit/{await LastAuditId("PlanTask", taskId.ToString(), "Modified")}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var task = await GetJson($"/api/tasks/{taskId}");
        Assert.Equal(["市发展改革委", "各区政府"], task.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("writtenAs").GetString()).ToList());
        Assert.Equal("市发展改革委", task.GetProperty("leadUnits")[0].GetProperty("writtenAs").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task A_new_indicator_is_classified_from_its_name_and_a_duplicate_is_rejected()
    {
        var created = await _client.PostAsJsonAsync("/api/indicators", new { name = "互联网产业 分类测试营业收入", unit = "亿元" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var indicator = await Json(created);
        Assert.Equal("Amount", indicator.GetProperty("kind").GetString());
        Assert.Equal("Internet", indicator.GetProperty("sector").GetString());

        var duplicate = await _client.PostAsJsonAsync("/api/indicators", new { name = "互联网产业 分类测试营业收入", unit = "亿元" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await Json(duplicate)).GetProperty("errors").TryGetProperty("name", out _));

        var renamed = await _client.PutAsJsonAsync($"/api/indicators/{indicator.GetProperty("id").GetInt32()}", new { name = "互联网产业 分类测试营业收入（改）", unit = "亿元", caliber = "ByProductionPlace" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("ByProductionPlace", (await Json(renamed)).GetProperty("caliber").GetString());
    }

    [Fact]
    public async Task An_allocation_needs_a_known_region_and_a_non_negative_value()
    {
        var plans = await GetJson("/api/plans");
        var planId = plans.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt32();
        var indicators = await GetJson("/api/indicators?pageSize=1");
        var indicatorId = indicators.GetProperty("items")[0].GetProperty("id").GetInt32();
        var bad = await _client.PostAsJsonAsync($"/api/plans/{planId}/allocations", new { indicatorId, year = 2012, value = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("regionCode", out _));
        Assert.True(errors.TryGetProperty("value", out _));

        var good = await _client.PostAsJsonAsync($"/api/plans/{planId}/allocations", new { indicatorId, regionCode = "4403PS", year = 2012, value = 1 });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var allocation = await Json(good);
        Assert.Equal("坪山新区", allocation.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/allocations/{allocation.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task A_unit_is_created_with_aliases_found_by_alias_and_restored_after_deletion()
    {
        var created = await _client.PostAsJsonAsync("/api/units", new
        {
            fullName = "深圳市测试事务管理局", shortName = "市测试局", kind = "Department", regionCode = "440300", aliases = new[] { "测试局", "市测试事务局" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unitId = (await Json(created)).GetProperty("id").GetInt32();

        var found = await GetJson("/api/units?q=" + Uri.EscapeDataString("市测试事务局"));
        Assert.Equal(unitId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var resolved = await GetJson("/api/units/resolve?name=" + Uri.EscapeDataString("测试局") + "&region=440305");
        Assert.Equal(unitId, resolved.GetProperty("id").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/units/{unitId}")).StatusCode);
        var restore = await _client.PostAsync($"/api/audit/{await LastAuditId("Unit", unitId.ToString(), "Deleted")}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var unit = await GetJson($"/api/units/{unitId}");
        Assert.Equal(["市测试事务局", "测试局"], unit.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_unit_that_still_leads_tasks_cannot_be_deleted()
    {
        var unit = await GetJson("/api/units/resolve?name=" + Uri.EscapeDataString("市发展改革委") + "&region=440300");
        var response = await _client.DeleteAsync($"/api/units/{unit.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlanEditingApiTests(SqliteAppFactory app) : PlanEditingApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresPlanEditingApiTests(PostgresAppFactory app) : PlanEditingApiTests(app);
