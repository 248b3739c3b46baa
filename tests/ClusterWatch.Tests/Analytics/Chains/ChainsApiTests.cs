using System.Net;
using System.Text.Json;
using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Analytics.Chains;

/// <summary>/api/chains over the seeded database (300 synthetic enterprises, the real directory), per provider.</summary>
public abstract class ChainsApiTests(AppFactory app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<int> ChainIdAsync(string code)
    {
        var list = await GetJsonAsync("/api/chains");
        return list.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Chains_list_the_six_plan_chains_for_shenzhen_with_link_counts_by_class()
    {
        var root = await GetJsonAsync("/api/chains");

        Assert.Equal("440300", root.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("directory", root.GetProperty("benchmark").GetProperty("kind").GetString());
        var chains = root.GetProperty("chains").EnumerateArray().ToList();
        Assert.Equal(["生物药", "化学药", "现代中药", "高端医疗器械", "体外诊断", "细胞与基因治疗"], chains.Select(c => c.GetProperty("name").GetString()));
        foreach (var chain in chains)
        {
            var classes = chain.GetProperty("linksByClass");
            Assert.Equal(chain.GetProperty("linkCount").GetInt32(),
                classes.GetProperty("strong").GetInt32() + classes.GetProperty("weak").GetInt32() + classes.GetProperty("missing").GetInt32());
        }
        Assert.True(chains.Sum(c => c.GetProperty("enterpriseCount").GetInt32()) > 0, "the synthetic Shenzhen firms are mapped");
    }

    [Fact]
    public async Task A_chain_shows_every_link_with_its_stage_numbers_class_rule_and_an_attraction_list_for_weak_or_missing_links()
    {
        var id = await ChainIdAsync("BIOLOGIC");
        var root = await GetJsonAsync($"/api/chains/{id}?region=440300&year=2025&benchmark=directory");

        Assert.Equal("生物药", root.GetProperty("name").GetString());
        var links = root.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["upstream", "midstream", "downstream"], links.Select(l => l.GetProperty("stage").GetString()).Distinct());
        Assert.All(links, l =>
        {
            Assert.Contains(l.GetProperty("classification").GetString(), new[] { "strong", "weak", "missing" });
            Assert.False(string.IsNullOrEmpty(l.GetProperty("definition").GetString()));
            Assert.Contains("判为", l.GetProperty("rule").GetString());
            Assert.True(l.GetProperty("enterpriseCount").GetInt32() >= 0);
            Assert.True(l.GetProperty("revenue").GetDecimal() >= 0);
            Assert.Equal(JsonValueKind.Array, l.GetProperty("leadingFirms").ValueKind);
        });
        var maker = links.Single(l => l.GetProperty("code").GetString() == "BIOLOGIC.MAKER");
        Assert.True(maker.GetProperty("enterpriseCount").GetInt32() > 0);
        Assert.InRange(maker.GetProperty("leadingFirms").GetArrayLength(), 1, 5);
        var revenues = maker.GetProperty("leadingFirms").EnumerateArray().Select(f => f.GetProperty("revenue").GetDecimal()).ToList();
        Assert.Equal(revenues.OrderDescending(), revenues);

        var needing = links.Where(l => l.GetProperty("classification").GetString() is "weak" or "missing").ToList();
        Assert.NotEmpty(needing);
        var withList = needing.Where(l => l.GetProperty("attractionList").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(withList);
        var candidate = withList[0].GetProperty("attractionList")[0];
        Assert.NotEqual("440300", candidate.TryGetProperty("cityCode", out var city) && city.ValueKind == JsonValueKind.String ? city.GetString() : null);
        Assert.False(string.IsNullOrEmpty(candidate.GetProperty("stockCode").GetString()));
        Assert.All(links.Where(l => l.GetProperty("classification").GetString() == "strong"), l => Assert.Equal(0, l.GetProperty("attractionList").GetArrayLength()));
    }

    [Fact]
    public async Task A_link_missing_in_the_region_is_classified_missing_and_lists_listed_firms_outside_it()
    {
        var id = await ChainIdAsync("BIOLOGIC");
        // No synthetic enterprise name holds a distribution keyword, and the directory has 医药商业 companies outside Shenzhen.
        var root = await GetJsonAsync($"/api/chains/{id}");
        var distribution = root.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "BIOLOGIC.DISTRIBUTION");

        Assert.Equal(0, distribution.GetProperty("enterpriseCount").GetInt32());
        Assert.Equal("missing", distribution.GetProperty("classification").GetString());
        Assert.Contains("没有企业", distribution.GetProperty("rule").GetString());
        var list = distribution.GetProperty("attractionList").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        Assert.DoesNotContain(list, c => c.GetProperty("cityCode").ValueKind == JsonValueKind.String && c.GetProperty("cityCode").GetString() == "440300");
        Assert.DoesNotContain(list, c => c.GetProperty("tsCode").GetString() == "000028.SZ"); // 国药一致 is registered in Shenzhen
    }

    [Fact]
    public async Task A_region_benchmark_compares_two_regions_of_the_enterprise_database()
    {
        var id = await ChainIdAsync("DEVICE");
        var root = await GetJsonAsync($"/api/chains/{id}?region=440300&benchmark=440100");

        Assert.Equal("region", root.GetProperty("benchmark").GetProperty("kind").GetString());
        Assert.Equal("广州市", root.GetProperty("benchmark").GetProperty("name").GetString());
        Assert.True(root.GetProperty("isSynthetic").GetBoolean());
        Assert.Contains("示例数据", root.GetProperty("dataNote").GetString());
        Assert.Contains(root.GetProperty("links").EnumerateArray(), l => l.GetProperty("rule").GetString()!.Contains("广州市该环节"));
    }

    [Theory]
    [InlineData("region=999999", "region")]
    [InlineData("benchmark=nowhere", "benchmark")]
    [InlineData("year=abc", "year")]
    public async Task A_bad_parameter_answers_a_problem_naming_it(string query, string parameter)
    {
        var response = await _client.GetAsync($"/api/chains?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages));
        Assert.Contains("参数 " + parameter, messages[0].GetString());
    }

    [Fact]
    public async Task An_unknown_chain_answers_404_problem()
    {
        var response = await _client.GetAsync("/api/chains/99999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_attraction_list_exports_as_xlsx_sorted_as_asked()
    {
        var id = await ChainIdAsync("BIOLOGIC");
        var root = await GetJsonAsync($"/api/chains/{id}");
        var linkId = root.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "BIOLOGIC.DISTRIBUTION").GetProperty("id").GetInt32();

        var response = await _client.GetAsync($"/api/chains/{id}/links/{linkId}/attraction.xlsx?sort=listDate&desc=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);

        var bad = await _client.GetAsync($"/api/chains/{id}/links/{linkId}/attraction.xlsx?sort=revenue");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_full_refresh_rewrites_only_the_enterprises_whose_links_changed_and_restores_a_lost_link()
    {
        await using var scope = app.Scope(out var db);
        var service = new ChainAnalysisService(db, TimeProvider.System);
        await service.RefreshAsync(Core.Analytics.RefreshScope.Full, CancellationToken.None);
        var enterpriseId = await db.Enterprises.Where(e => e.IndustryCode == "BIO.DRUG.BIOLOGIC").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var expected = await db.Set<EnterpriseChainLink>().AsNoTracking().Where(m => m.EnterpriseId == enterpriseId).Select(m => new { m.LinkId, m.MatchedBy }).ToListAsync();

        var unchanged = await service.RefreshAsync(Core.Analytics.RefreshScope.Full, CancellationToken.None);
        await db.Set<EnterpriseChainLink>().Where(m => m.EnterpriseId == enterpriseId).ExecuteDeleteAsync();
        var repaired = await service.RefreshAsync(Core.Analytics.RefreshScope.Full, CancellationToken.None);

        Assert.Equal(0, unchanged.EnterprisesRewritten);
        Assert.True(unchanged.EnterprisesMapped > 0);
        Assert.Equal(1, repaired.EnterprisesRewritten);
        Assert.NotEmpty(expected);
        var restored = await db.Set<EnterpriseChainLink>().AsNoTracking().Where(m => m.EnterpriseId == enterpriseId).Select(m => new { m.LinkId, m.MatchedBy }).ToListAsync();
        Assert.Equal(expected.OrderBy(m => m.LinkId), restored.OrderBy(m => m.LinkId));
    }

    [Fact]
    public async Task An_incremental_refresh_maps_only_the_given_enterprises_and_writes_one_audit_entry()
    {
        int enterpriseId;
        int before;
        await using (var scope = app.Scope(out var db))
        {
            enterpriseId = await db.Enterprises.Where(e => e.IndustryCode == "BIO.DRUG.BIOLOGIC").Select(e => e.Id).FirstAsync();
            before = await db.Set<EnterpriseChainLink>().CountAsync(m => m.EnterpriseId != enterpriseId);
            await db.Set<EnterpriseChainLink>().Where(m => m.EnterpriseId == enterpriseId).ExecuteDeleteAsync();
        }
        await using (var scope = app.Scope(out var db))
        {
            var audits = await db.AuditEntries.CountAsync(a => a.Action == ChainAnalysisService.AuditAction);
            var service = new ChainAnalysisService(db, TimeProvider.System);
            var result = await service.RefreshAsync(Core.Analytics.RefreshScope.Of(enterpriseIds: [enterpriseId]), CancellationToken.None);

            Assert.False(result.IsFull);
            Assert.Equal(1, result.EnterprisesMapped);
            Assert.True(result.EnterpriseLinks > 0);
            Assert.Contains(await db.Set<EnterpriseChainLink>().Where(m => m.EnterpriseId == enterpriseId).ToListAsync(), m => m.MatchedBy == ChainMatch.Industry);
            Assert.Equal(before, await db.Set<EnterpriseChainLink>().CountAsync(m => m.EnterpriseId != enterpriseId));
            Assert.Equal(audits + 1, await db.AuditEntries.CountAsync(a => a.Action == ChainAnalysisService.AuditAction));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChainsApiTests(SqliteAppFactory app) : ChainsApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresChainsApiTests(PostgresAppFactory app) : ChainsApiTests(app);
