using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Analytics;

public abstract class WarningsApiTests(AppFactory app)
{
    private async Task<HttpClient> AdminWithWarningsAsync()
    {
        var admin = await app.ClientAsync("admin");
        var refresh = await admin.PostAsync("/api/warnings/refresh", null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        return admin;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Anonymous_visitors_get_401()
    {
        var response = await app.CreateClient().GetAsync("/api/warnings");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_answers_counts_and_only_an_admin_may_run_it()
    {
        var admin = await app.ClientAsync("admin");
        var counts = await JsonAsync(await admin.PostAsync("/api/warnings/refresh", null));
        Assert.True(counts.GetProperty("open").GetInt32() > 0);
        // A second refresh over unchanged data raises nothing new.
        var again = await JsonAsync(await admin.PostAsync("/api/warnings/refresh", null));
        Assert.Equal(0, again.GetProperty("raised").GetInt32());
        var analyst = await app.ClientAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/warnings/refresh", null)).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_names_a_bad_status()
    {
        var admin = await AdminWithWarningsAsync();
        var open = await JsonAsync(await admin.GetAsync("/api/warnings?status=open&pageSize=500"));
        var items = open.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "Raised", "Acknowledged" }));
        // Most severe first.
        var severities = items.Select(i => Enum.Parse<Core.Analytics.Warnings.WarningSeverity>(i.GetProperty("severity").GetString()!)).ToList();
        Assert.Equal(severities.OrderByDescending(s => s).ToList(), severities);

        var id = items.First(i => i.GetProperty("status").GetString() == "Raised").GetProperty("id").GetInt32();
        await JsonAsync(await admin.PostAsJsonAsync($"/api/warnings/{id}/acknowledge", new { note = "已转交责任处室跟进" }));
        var acknowledged = await JsonAsync(await admin.GetAsync("/api/warnings?status=acknowledged&pageSize=500"));
        Assert.Contains(acknowledged.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        Assert.All(acknowledged.GetProperty("items").EnumerateArray(), i => Assert.Equal("Acknowledged", i.GetProperty("status").GetString()));
        var raised = await JsonAsync(await admin.GetAsync("/api/warnings?status=raised&pageSize=500"));
        Assert.DoesNotContain(raised.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);

        var bad = await admin.GetAsync("/api/warnings?status=closed");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Acknowledging_needs_a_note_and_keeps_it_in_the_history()
    {
        var admin = await AdminWithWarningsAsync();
        var analyst = await app.ClientAsync("analyst");
        var list = await JsonAsync(await analyst.GetAsync("/api/warnings?status=raised&pageSize=1"));
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();

        var empty = await analyst.PostAsJsonAsync($"/api/warnings/{id}/acknowledge", new { note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("必填", problem.GetProperty("errors").GetProperty("note")[0].GetString());
        var unchanged = await JsonAsync(await analyst.GetAsync($"/api/warnings/{id}"));
        Assert.Equal("Raised", unchanged.GetProperty("status").GetString());

        var done = await JsonAsync(await analyst.PostAsJsonAsync($"/api/warnings/{id}/acknowledge", new { note = "已电话督办" }));
        Assert.Equal(("Acknowledged", "analyst", "已电话督办"),
            (done.GetProperty("status").GetString(), done.GetProperty("acknowledgedBy").GetString(), done.GetProperty("acknowledgeNote").GetString()));
        var events = done.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("Raised", events[0].GetProperty("action").GetString());
        Assert.Equal(("Acknowledged", "已电话督办"), (events[^1].GetProperty("action").GetString(), events[^1].GetProperty("note").GetString()));

        // Resolving by hand is for admins and also needs a note.
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/warnings/{id}/resolve", new { note = "已处理" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/warnings/{id}/resolve", new { note = "" })).StatusCode);
        var resolved = await JsonAsync(await admin.PostAsJsonAsync($"/api/warnings/{id}/resolve", new { note = "企业已补报" }));
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync($"/api/warnings/{id}/acknowledge", new { note = "再确认" })).StatusCode);
    }

    [Fact]
    public async Task A_reporter_sees_and_acknowledges_only_its_own_units_and_districts_warnings()
    {
        var admin = await AdminWithWarningsAsync();
        int unitId;
        HashSet<int> district;
        await using (app.Scope(out var db))
        {
            unitId = (await db.Users.SingleAsync(u => u.UserName == "nanshan")).UnitId!.Value;
            var regionId = (await db.Units.SingleAsync(u => u.Id == unitId)).RegionId!.Value;
            var scopes = new RegionScopes(await db.Regions.Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync());
            district = [.. scopes.Within(regionId)];
        }
        var reporter = await app.ClientAsync("nanshan");
        var own = (await JsonAsync(await reporter.GetAsync("/api/warnings?pageSize=500"))).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(own);
        Assert.All(own, i => Assert.True(
            (i.GetProperty("unitId").ValueKind == JsonValueKind.Number && i.GetProperty("unitId").GetInt32() == unitId)
            || (i.GetProperty("regionId").ValueKind == JsonValueKind.Number && district.Contains(i.GetProperty("regionId").GetInt32())),
            $"nanshan sees warning {i.GetProperty("key").GetString()}"));

        var all = (await JsonAsync(await admin.GetAsync("/api/warnings?pageSize=500"))).GetProperty("items").EnumerateArray().ToList();
        var foreign = all.First(i => i.GetProperty("unitId").ValueKind == JsonValueKind.Number && i.GetProperty("unitId").GetInt32() != unitId
            && !(i.GetProperty("regionId").ValueKind == JsonValueKind.Number && district.Contains(i.GetProperty("regionId").GetInt32())));
        var foreignId = foreign.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync($"/api/warnings/{foreignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/warnings/{foreignId}/acknowledge", new { note = "不是本单位" })).StatusCode);

        var mine = own.First(i => i.GetProperty("status").GetString() == "Raised").GetProperty("id").GetInt32();
        var acknowledged = await JsonAsync(await reporter.PostAsJsonAsync($"/api/warnings/{mine}/acknowledge", new { note = "本周内补报" }));
        Assert.Equal("nanshan", acknowledged.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task The_page_shows_each_warnings_sentence_severity_and_history()
    {
        var admin = await AdminWithWarningsAsync();
        var first = (await JsonAsync(await admin.GetAsync("/api/warnings?status=open&pageSize=1"))).GetProperty("items")[0];
        var html = await admin.GetStringAsync("/Warnings?status=open");
        Assert.Contains("id=\"warnings-table\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(first.GetProperty("message").GetString()!), html);
        Assert.Contains(first.GetProperty("severityLabel").GetString()!, html);
        Assert.Contains("处理记录", html);
        Assert.Contains("href=\"/Warnings\"", html);
        var bad = await admin.GetStringAsync("/Warnings?status=closed");
        Assert.Contains("状态（status）应为", bad);
    }

    [Fact]
    public async Task The_export_is_an_xlsx_of_the_filtered_warnings()
    {
        var admin = await AdminWithWarningsAsync();
        var response = await admin.GetAsync("/api/warnings/export?status=open&severity=严重");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/warnings/export?severity=huge")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWarningsApiTests(SqliteAppFactory app) : WarningsApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresWarningsApiTests(PostgresAppFactory app) : WarningsApiTests(app);
