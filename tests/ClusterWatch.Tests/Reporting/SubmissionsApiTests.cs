using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Reporting;

/// <summary>Forms, submissions, versions, rules, locks, roles and completeness through HTTP, on forms each test creates for itself.</summary>
public abstract class SubmissionsApiTests(AppFactory app)
{
    private const string Drugs = "生物产业 具有全球专利保护的创新药数";

    private async Task<int> IndicatorIdAsync(string name)
    {
        await using var scope = app.Scope(out var db);
        return await db.Indicators.Where(i => i.Name == name).Select(i => i.Id).FirstAsync();
    }

    /// <summary>A quarterly form on 创新药数 (label 药数, 0-100) for 南山区, 福田区 and 市发展改革委, open for years and locking after lockAfterDays.</summary>
    private async Task<int> CreateFormAsync(int lockAfterDays = 36500, string? rule = null)
    {
        var admin = await app.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/forms", new
        {
            name = "测试报表 " + Guid.NewGuid().ToString("N")[..8], periodType = "Quarter", openDaysBeforeEnd = 4000, lockAfterDays,
            indicators = new[] { new { indicatorId = await IndicatorIdAsync(Drugs), label = "药数", minValue = 0, maxValue = 100, isCumulative = true } },
            units = new[] { "南山区政府", "福田区政府", "市发展改革委" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (rule is not null)
        {
            var r = await admin.PostAsJsonAsync($"/api/forms/{id}/rules", new
            {
                name = "药数上限", left = "#{药数}", @operator = "<=", right = rule, importance = "Blocking", missingValues = "SkipIfAnyMissing", message = "药数不能超过 10 个",
            });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
        return id;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int form, string unit, string period, int version, decimal value, string action = "save") =>
        client.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit, period, version, values = new Dictionary<string, decimal> { ["药数"] = value }, action });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Every_save_is_a_new_version_and_earlier_versions_stay_readable()
    {
        var form = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        var first = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 1);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var id = (await JsonAsync(first)).GetProperty("submission").GetProperty("id").GetInt32();
        var second = await PostAsync(nanshan, form, "深圳市南山区人民政府", "2027Q1", 1, 2); // the unit by its full name
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await JsonAsync(second)).GetProperty("version").GetInt32());

        var versions = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions");
        Assert.Equal(2, versions.GetArrayLength());
        var v1 = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions/1");
        Assert.Equal(1m, v1.GetProperty("values").GetProperty("药数").GetDecimal());
        var v2 = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions/2");
        Assert.Equal(2m, v2.GetProperty("values").GetProperty("药数").GetDecimal());
        await using var scope = app.Scope(out var db);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SubmissionVersion) && a.User == "nanshan"));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_naming_the_current_version()
    {
        var form = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(nanshan, form, "南山区政府", "2027Q1", 1, 2)).StatusCode);
        var stale = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 1, 3);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await JsonAsync(stale);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Contains("第 2 版", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Reposting_the_same_version_and_body_returns_the_same_result_without_a_new_version()
    {
        var form = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        var first = await JsonAsync(await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 5, "submit"));
        var again = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 5, "submit");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await JsonAsync(again);
        Assert.Equal(first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32());
        Assert.Equal(first.GetProperty("submission").GetProperty("id").GetInt32(), second.GetProperty("submission").GetProperty("id").GetInt32());
        Assert.True(second.GetProperty("replayed").GetBoolean());
        var id = first.GetProperty("submission").GetProperty("id").GetInt32();
        Assert.Equal(1, (await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions")).GetArrayLength());
        // A different body on the same old version is stale, not a replay.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 6, "submit")).StatusCode);
    }

    [Fact]
    public async Task A_blocking_rule_stops_a_submit_with_its_message_next_to_the_field()
    {
        var form = await CreateFormAsync(rule: "10");
        var nanshan = await app.ClientAsync("nanshan");
        var blocked = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 20, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var problem = await JsonAsync(blocked);
        Assert.Equal("药数不能超过 10 个", problem.GetProperty("errors").GetProperty("药数")[0].GetString());
        var outOfRange = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 200, "submit");
        Assert.Contains("0 至 100", (await JsonAsync(outOfRange)).GetProperty("errors").GetProperty("药数")[0].GetString());
        await using (var scope = app.Scope(out var db))
            Assert.False(await db.Set<Submission>().AnyAsync(s => s.FormId == form));
        var fixedUp = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 8, "submit");
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.Equal("Submitted", (await JsonAsync(fixedUp)).GetProperty("submission").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_report_past_its_lock_needs_an_admin_unlock_and_an_accepted_one_too()
    {
        var form = await CreateFormAsync(lockAfterDays: 0);
        var nanshan = await app.ClientAsync("nanshan");
        var locked = await PostAsync(nanshan, form, "南山区政府", "2024Q1", 0, 1);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("锁定", (await JsonAsync(locked)).GetProperty("detail").GetString());

        // An open period: submit, accept, then edits need an unlock.
        var submitted = await JsonAsync(await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 3, "submit"));
        var id = submitted.GetProperty("submission").GetProperty("id").GetInt32();
        var admin = await app.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.PostAsync($"/api/submissions/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/submissions/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await PostAsync(nanshan, form, "南山区政府", "2027Q1", 1, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/submissions/{id}/unlock", null)).StatusCode);
        var edited = await PostAsync(nanshan, form, "南山区政府", "2027Q1", 1, 4);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Draft", (await JsonAsync(edited)).GetProperty("submission").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_nanshan_officer_gets_403_for_futians_report()
    {
        var form = await CreateFormAsync();
        var futian = await app.ClientAsync("futian");
        var saved = await JsonAsync(await PostAsync(futian, form, "福田区政府", "2027Q1", 0, 2));
        var futianReport = saved.GetProperty("submission").GetProperty("id").GetInt32();
        var nanshan = await app.ClientAsync("nanshan");
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/api/submissions/{futianReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/api/submissions/{futianReport}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/api/submissions/{futianReport}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync("/api/submissions?unit=福田区政府")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(nanshan, form, "福田区政府", "2027Q1", 1, 9)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/api/completeness?form={form}&period=2027Q1")).StatusCode);
        // Analysts read everything and write nothing.
        var analyst = await app.ClientAsync("analyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/submissions/{futianReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(analyst, form, "福田区政府", "2027Q1", 1, 9)).StatusCode);
        // The officer's own list holds only its unit.
        var own = await nanshan.GetFromJsonAsync<JsonElement>("/api/submissions");
        var ownItems = own.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(ownItems);
        Assert.Equal(ownItems.Count, Math.Min(own.GetProperty("total").GetInt32(), own.GetProperty("pageSize").GetInt32()));
        Assert.All(ownItems, s => Assert.Equal("南山区政府", s.GetProperty("unitName").GetString()));
    }

    [Fact]
    public async Task Completeness_counts_a_small_fixed_case_and_lists_overdue_units_with_contacts()
    {
        var form = await CreateFormAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await app.ClientAsync("nanshan"), form, "南山区政府", "2027Q1", 0, 1, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await app.ClientAsync("futian"), form, "福田区政府", "2027Q1", 0, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await app.ClientAsync("nanshan"), form, "南山区政府", "2025Q3", 0, 1, "submit")).StatusCode);
        var analyst = await app.ClientAsync("analyst");

        var future = await analyst.GetFromJsonAsync<JsonElement>($"/api/completeness?form={form}&period=2027Q1");
        Assert.Equal((3, 1, 1, 0, 2), (future.GetProperty("expected").GetInt32(), future.GetProperty("submitted").GetInt32(), future.GetProperty("onTime").GetInt32(),
            future.GetProperty("late").GetInt32(), future.GetProperty("missing").GetInt32()));
        Assert.Equal(33.3m, future.GetProperty("reportingRate").GetDecimal());
        var past = await analyst.GetFromJsonAsync<JsonElement>($"/api/completeness?form={form}&period=2025Q3");
        Assert.Equal((1, 0, 1), (past.GetProperty("submitted").GetInt32(), past.GetProperty("onTime").GetInt32(), past.GetProperty("late").GetInt32()));
        Assert.Equal(0m, past.GetProperty("timelinessRate").GetDecimal());

        var overdue = await analyst.GetFromJsonAsync<JsonElement>($"/api/completeness/overdue?form={form}&period=2027Q1");
        var units = overdue.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["市发展改革委", "福田区政府"], units.Select(u => u.GetProperty("unitName").GetString()).Order(StringComparer.Ordinal));
        var futian = units.Single(u => u.GetProperty("unitName").GetString() == "福田区政府");
        Assert.Equal("futian", futian.GetProperty("officers")[0].GetProperty("userName").GetString());
        Assert.False(string.IsNullOrEmpty(futian.GetProperty("officers")[0].GetProperty("phone").GetString()));

        var xlsx = await (await app.ClientAsync("admin")).GetAsync($"/api/completeness/overdue.xlsx?form={form}&period=2027Q1");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        var table = ClusterWatch.Core.Data.TabularFileReader.Read(new MemoryStream(bytes), "r.xlsx");
        Assert.Contains(table.Rows, r => r.Get("单位") == "福田区政府" && r.Get("信息员").Contains("福田"));
    }

    [Fact]
    public async Task An_accepted_submission_becomes_the_actual_on_the_plan_progress()
    {
        var admin = await app.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/forms", new
        {
            name = "测试市级指标 " + Guid.NewGuid().ToString("N")[..8], periodType = "Quarter", openDaysBeforeEnd = 8000, lockAfterDays = 36500,
            indicators = new[] { new { indicatorId = await IndicatorIdAsync(Drugs), label = "药数", isCumulative = true } },
            units = new[] { "市发展改革委" },
        });
        var form = (await JsonAsync(created)).GetProperty("id").GetInt32();
        int planId;
        await using (var scope = app.Scope(out var db))
            planId = await db.Plans.Where(p => p.Slug == ReportingDemo.WorkPlanSlug).Select(p => p.Id).FirstAsync();
        static JsonElement DrugTarget(JsonElement progress) => progress.GetProperty("targets").EnumerateArray()
            .First(t => t.GetProperty("indicator").GetString() == Drugs && t.GetProperty("year").GetInt32() == 2011);

        var before = DrugTarget(await admin.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/progress?year=2011"));
        var fgw = await app.ClientAsync("fgw");
        var submitted = await JsonAsync(await PostAsync(fgw, form, "市发展改革委", "2011Q4", 0, 37, "submit"));
        var id = submitted.GetProperty("submission").GetProperty("id").GetInt32();
        var beforeAccept = DrugTarget(await admin.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/progress?year=2011"));
        Assert.Equal(before.GetProperty("actual").ToString(), beforeAccept.GetProperty("actual").ToString()); // submitted is not yet an actual
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/submissions/{id}/accept", null)).StatusCode);

        var after = DrugTarget(await admin.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/progress?year=2011"));
        Assert.Equal(37m, after.GetProperty("actual").GetDecimal());
        Assert.Equal("信息报送", after.GetProperty("actualSource").GetString());
    }

    [Fact]
    public async Task Bad_bodies_name_the_field_in_chinese_and_change_nothing()
    {
        var form = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        var response = await nanshan.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "南山区政府", period = "2027Q5", version = 0, values = new Dictionary<string, decimal>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("period", (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var unknown = await nanshan.PostAsJsonAsync("/api/submissions", new { form = form.ToString(), unit = "南山区政府", period = "2027Q1", version = 0, values = new Dictionary<string, decimal> { ["不存在"] = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("不存在", await unknown.Content.ReadAsStringAsync());
        var badRule = await (await app.ClientAsync("admin")).PostAsJsonAsync($"/api/forms/{form}/rules", new { name = "坏规则", left = "#{药数} +", @operator = "<", right = "#{别的}", message = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
        var errors = (await JsonAsync(badRule)).GetProperty("errors");
        Assert.Contains("不完整", errors.GetProperty("left")[0].GetString());
        Assert.Contains("别的", errors.GetProperty("right")[0].GetString());
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Set<Submission>().AnyAsync(s => s.FormId == form));
    }

    [Fact]
    public async Task The_demo_has_forms_and_submissions_in_every_state()
    {
        var admin = await app.ClientAsync("admin");
        var forms = await admin.GetFromJsonAsync<JsonElement>("/api/forms");
        var formItems = forms.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(formItems, f => f.GetProperty("name").GetString() == ReportingDemo.TaskFormName && f.GetProperty("isSynthetic").GetBoolean());
        Assert.Contains(formItems, f => f.GetProperty("name").GetString() == ReportingDemo.FigureFormName);
        await using var scope = app.Scope(out var db);
        var statuses = await db.Set<Submission>().Where(s => s.IsSynthetic).Select(s => s.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<SubmissionStatus>().Order(), statuses.Order());
        var figureForm = await db.Set<ReportForm>().FirstAsync(f => f.Name == ReportingDemo.FigureFormName);
        var late = 0; var missing = 0;
        foreach (var period in new[] { "2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4" })
        {
            var c = await admin.GetFromJsonAsync<JsonElement>($"/api/completeness?form={figureForm.Id}&period={period}");
            Assert.Equal(c.GetProperty("expected").GetInt32(), c.GetProperty("submitted").GetInt32() + c.GetProperty("missing").GetInt32());
            late += c.GetProperty("late").GetInt32();
            missing += c.GetProperty("missing").GetInt32();
        }
        Assert.True(late > 0 && missing > 0, $"late {late}, missing {missing}");

        // An officer sees only the tasks the plan gives its unit; the office sees all of the form's.
        var taskForm = await db.Set<ReportForm>().FirstAsync(f => f.Name == ReportingDemo.TaskFormName);
        var all = (await admin.GetFromJsonAsync<JsonElement>($"/api/forms/{taskForm.Id}")).GetProperty("tasks").GetArrayLength();
        var fgwTasks = (await (await app.ClientAsync("fgw")).GetFromJsonAsync<JsonElement>($"/api/forms/{taskForm.Id}")).GetProperty("tasks");
        var fgwUnit = await db.Units.Where(u => u.FullName == "深圳市发展和改革委员会").Select(u => u.Id).FirstAsync();
        Assert.InRange(fgwTasks.GetArrayLength(), 1, all - 1);
        Assert.All(fgwTasks.EnumerateArray(), t => Assert.Contains(fgwUnit, t.GetProperty("unitIds").EnumerateArray().Select(u => u.GetInt32())));
    }
    /// <summary>A form whose 药数 may rise at most 30% on the previous quarter without an explanation; 2027Q1 is submitted with 10.</summary>
    private async Task<int> CreateExplainedFormAsync(HttpClient nanshan)
    {
        var form = await CreateFormAsync();
        var rule = await (await app.ClientAsync("admin")).PostAsJsonAsync($"/api/forms/{form}/rules", new
        {
            name = "环比增幅需说明", left = "#{药数}", @operator = "<=", right = "1.3 * #{药数}[previous]", importance = "RequiresExplanation",
            missingValues = "SkipIfAnyMissing", message = "药数环比增幅超过 30%",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 10, "submit")).StatusCode);
        return form;
    }

    private static Task<HttpResponseMessage> PostExplainedAsync(HttpClient client, int form, decimal value, string action, string? explanation) =>
        client.PostAsJsonAsync("/api/submissions", new
        {
            form = form.ToString(), unit = "南山区政府", period = "2027Q2", version = 0, values = new Dictionary<string, decimal> { ["药数"] = value }, action,
            explanations = explanation is null ? null : new Dictionary<string, string> { ["药数"] = explanation },
        });

    [Fact]
    public async Task Submitting_a_rise_above_thirty_percent_without_an_explanation_is_a_422_naming_the_field()
    {
        var nanshan = await app.ClientAsync("nanshan");
        var form = await CreateExplainedFormAsync(nanshan);
        var response = await PostExplainedAsync(nanshan, form, 14, "submit", explanation: null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await JsonAsync(response)).GetProperty("errors").GetProperty("药数")[0].GetString();
        Assert.Contains("药数环比增幅超过 30%", message);
        Assert.Contains("「药数」的变动说明", message);
        Assert.Equal(HttpStatusCode.OK, (await PostExplainedAsync(nanshan, form, 13, "submit", explanation: null)).StatusCode); // exactly 30% needs none
    }

    [Fact]
    public async Task Submitting_a_rise_above_thirty_percent_with_an_explanation_is_accepted_and_the_version_keeps_it()
    {
        var nanshan = await app.ClientAsync("nanshan");
        var form = await CreateExplainedFormAsync(nanshan);
        var response = await PostExplainedAsync(nanshan, form, 14, "submit", "新增 4 个获批创新药");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Submitted", body.GetProperty("submission").GetProperty("status").GetString());
        var id = body.GetProperty("submission").GetProperty("id").GetInt32();
        var version = await nanshan.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/versions/1");
        Assert.Equal("新增 4 个获批创新药", version.GetProperty("explanations").GetProperty("药数").GetString());
        Assert.Contains(version.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("importance").GetString() == "RequiresExplanation");
    }

    [Fact]
    public async Task Saving_a_draft_with_a_rise_above_thirty_percent_needs_no_explanation()
    {
        var nanshan = await app.ClientAsync("nanshan");
        var form = await CreateExplainedFormAsync(nanshan);
        var response = await PostExplainedAsync(nanshan, form, 14, "save", explanation: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Draft", body.GetProperty("submission").GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("field").GetString() == "药数" && w.GetProperty("message").GetString()!.Contains("变动说明"));
    }

    [Fact]
    public async Task Evidence_is_stored_with_its_hash_only_by_the_units_own_officer()
    {
        var form = await CreateFormAsync();
        var nanshan = await app.ClientAsync("nanshan");
        var id = (await JsonAsync(await PostAsync(nanshan, form, "南山区政府", "2027Q1", 0, 1))).GetProperty("submission").GetProperty("id").GetInt32();
        var bytes = System.Text.Encoding.UTF8.GetBytes("会议纪要（测试）");
        MultipartFormDataContent File() => new() { { new ByteArrayContent(bytes), "file", "纪要.txt" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("futian")).PostAsync($"/api/submissions/{id}/attachments", File())).StatusCode);
        var uploaded = await nanshan.PostAsync($"/api/submissions/{id}/attachments", File());
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = await JsonAsync(uploaded);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), body.GetProperty("sha256").GetString());
        var download = await nanshan.GetByteArrayAsync($"/api/submissions/{id}/attachments/{body.GetProperty("id").GetInt32()}");
        Assert.Equal(bytes, download);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("futian")).GetAsync($"/api/submissions/{id}/attachments")).StatusCode);
    }
}


[Collection(SqliteCollection.Name)]
public sealed class SqliteSubmissionsApiTests(SqliteAppFactory app) : SubmissionsApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresSubmissionsApiTests(PostgresAppFactory app) : SubmissionsApiTests(app);
