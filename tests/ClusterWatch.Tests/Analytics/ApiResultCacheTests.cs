using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Analytics;

public sealed class AggregateCacheResultTests
{
    [Fact]
    public void A_stored_answer_is_returned_for_its_data_version_and_dropped_when_the_version_changes()
    {
        var cache = new AggregateCache();
        var answer = new List<int> { 1, 2, 3 };
        cache.SetResult(7, "k", answer);
        Assert.False(cache.TryGetResult<List<int>>(7, "k", out _)); // stored before any request saw version 7: not kept
        Assert.False(cache.TryGetResult<List<int>>(7, "k", out _));
        cache.SetResult(7, "k", answer);
        Assert.True(cache.TryGetResult<List<int>>(7, "k", out var hit));
        Assert.Same(answer, hit);
        Assert.False(cache.TryGetResult<List<int>>(7, "other", out _));
        Assert.False(cache.TryGetResult<List<int>>(8, "k", out _));
        Assert.False(cache.TryGetResult<List<int>>(7, "k", out _));
    }
}

/// <summary>The analytics API answers from a cache per data version: a write must show at once, and one user's answer never reaches another.</summary>
public abstract class ApiResultCacheTests(AppFactory app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_repeated_warnings_request_shows_an_acknowledgement_made_in_between()
    {
        var admin = await app.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/warnings/refresh", null)).StatusCode);
        var open = await JsonAsync(await admin.GetAsync("/api/warnings?status=open&pageSize=500"));
        var id = open.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetInt32();
        const string url = "/api/warnings?status=acknowledged&pageSize=500";
        var before = await JsonAsync(await admin.GetAsync(url));
        Assert.DoesNotContain(before.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);

        await JsonAsync(await admin.PostAsJsonAsync($"/api/warnings/{id}/acknowledge", new { note = "缓存测试：已确认" }));

        var after = await JsonAsync(await admin.GetAsync(url));
        Assert.Contains(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task A_reporter_does_not_get_the_warnings_page_cached_for_an_admin()
    {
        var admin = await app.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/warnings/refresh", null)).StatusCode);
        const string url = "/api/warnings?pageSize=5";
        var adminTotal = (await JsonAsync(await admin.GetAsync(url))).GetProperty("total").GetInt32();
        var reporterTotal = (await JsonAsync(await (await app.ClientAsync("nanshan")).GetAsync(url))).GetProperty("total").GetInt32();
        Assert.True(reporterTotal < adminTotal, $"reporter {reporterTotal}, admin {adminTotal}");
    }

    [Fact]
    public async Task The_same_dashboard_request_twice_gives_the_same_numbers()
    {
        var admin = await app.ClientAsync("admin");
        var plans = await JsonAsync(await admin.GetAsync("/api/plans?pageSize=100"));
        var planId = plans.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt32();
        var first = await (await admin.GetAsync($"/api/plans/{planId}/progress?year=2025")).Content.ReadAsStringAsync();
        var second = await (await admin.GetAsync($"/api/plans/{planId}/progress?year=2025")).Content.ReadAsStringAsync();
        Assert.Contains("\"targets\"", first);
        Assert.Equal(first, second);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiResultCacheTests(SqliteAppFactory app) : ApiResultCacheTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresApiResultCacheTests(PostgresAppFactory app) : ApiResultCacheTests(app);
