using System.Net;
using System.Text.Json;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Regions;

public abstract class RegionsApiTests(AppFactory app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Children_of_Shenzhen_include_Nanshan_with_its_official_code()
    {
        var list = await GetJson("/api/regions?parent=440300");
        var nanshan = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "南山区");
        Assert.Equal("440305", nanshan.GetProperty("code").GetString());
        Assert.Equal("440300", nanshan.GetProperty("parentCode").GetString());
        Assert.True(nanshan.GetProperty("isOfficialCode").GetBoolean());
        Assert.Equal(list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(50, list.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Without_a_parent_the_top_level_is_Guangdong()
    {
        var list = await GetJson("/api/regions");
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("广东省", only.GetProperty("name").GetString());
        Assert.Equal("440000", only.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Historical_new_areas_appear_only_when_asked_for_with_their_successor()
    {
        var current = await GetJson("/api/regions?parent=440300");
        Assert.DoesNotContain(current.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == "坪山新区");

        var all = await GetJson("/api/regions?parent=440300&includeHistorical=true");
        var pingshan = all.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "坪山新区");
        Assert.Equal("440310", pingshan.GetProperty("successorCode").GetString());
        Assert.Equal("440310", pingshan.GetProperty("seriesCode").GetString());
        Assert.False(pingshan.GetProperty("isOfficialCode").GetBoolean());
        Assert.False(pingshan.GetProperty("validToYear").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_region_is_found_by_its_code()
    {
        var futian = await GetJson("/api/regions/440304");
        Assert.Equal("福田区", futian.GetProperty("name").GetString());
        Assert.Equal("District", futian.GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/regions/999999")).StatusCode);
    }

    [Fact]
    public async Task Level_filter_lists_the_cities_of_the_province()
    {
        // Other tests in the collection add their own test cities outside Guangdong, so look under 广东省 only.
        var cities = await GetJson("/api/regions?parent=440000&level=City&pageSize=100");
        var names = cities.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("深圳市", names);
        Assert.Contains("广州市", names);
        Assert.Equal(21, names.Count);
    }

    [Fact]
    public async Task A_page_size_over_the_maximum_is_rejected_naming_the_field()
    {
        var response = await _client.GetAsync("/api/regions?parent=440300&pageSize=501");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task A_unit_is_resolved_from_the_name_a_Shenzhen_plan_writes()
    {
        var unit = await GetJson("/api/units/resolve?name=" + Uri.EscapeDataString("市发展改革委") + "&region=440300");
        var names = unit.GetProperty("aliases").EnumerateArray().Select(a => a.GetString())
            .Append(unit.GetProperty("shortName").GetString()).Append(unit.GetProperty("fullName").GetString());
        Assert.Contains("市发展改革委", names);
        Assert.Equal("440300", unit.GetProperty("region").GetProperty("code").GetString());
        var missing = await _client.GetAsync("/api/units/resolve?name=" + Uri.EscapeDataString("不存在的委员会") + "&region=440300");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegionsApiTests(SqliteAppFactory app) : RegionsApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresRegionsApiTests(PostgresAppFactory app) : RegionsApiTests(app);
