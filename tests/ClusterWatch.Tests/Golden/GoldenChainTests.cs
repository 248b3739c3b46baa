using System.Net;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// The 生物药 chain of 示例市 against 示例省 (示例市 plus 示例邻市) as benchmark, year 2025 (latest figures 2024), derived by hand:
/// links by sub-industry (names add nothing here: no BIOLOGIC keyword occurs in them). In 示例市: E01, E09 (BIO.DRUG.BIOLOGIC →
/// 生物药研发生产), E04 (BIO.CRO → 研发与生产外包) = 3 firms in the chain; in 示例省 also E13 (生物药, 示例邻市) = 4.
/// </summary>
public abstract class GoldenChainTests(GoldenAppFactory app)
{
    private async Task<JsonElement> BiologicChainAsync()
    {
        var client = await app.ClientAsync("admin");
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/chains?region=990100&benchmark=990000&year=2025")).RootElement;
        var id = list.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "BIOLOGIC").GetProperty("id").GetInt32();
        var response = await client.GetAsync($"/api/chains/{id}?region=990100&benchmark=990000&year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Link(JsonElement chain, string code) =>
        chain.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Biologic_maker_link_is_weak_at_eight_ninths()
    {
        var chain = await BiologicChainAsync();
        Assert.Equal(3, chain.GetProperty("enterpriseCount").GetInt32());
        Assert.Equal(4, chain.GetProperty("benchmarkEnterpriseCount").GetInt32());
        Assert.Equal(2024, chain.GetProperty("revenueYear").GetInt32());
        Assert.True(chain.GetProperty("isSynthetic").GetBoolean());

        // LQ = (2 ÷ 3) ÷ (3 ÷ 4) = 8/9 = 0.8889 < 1.00 → weak.
        var maker = Link(chain, "BIOLOGIC.MAKER");
        Assert.Equal(2, maker.GetProperty("enterpriseCount").GetInt32());
        Assert.Equal(3, maker.GetProperty("benchmarkCount").GetInt32());
        Assert.Equal(0.8889m, maker.GetProperty("locationQuotient").GetDecimal());
        Assert.Equal("weak", maker.GetProperty("classification").GetString());
        Assert.Equal("区位熵 =（本地区该环节 2 家 ÷ 本地区该链 3 家）÷（示例省该环节 3 家 ÷ 示例省该链 4 家） = 0.667 ÷ 0.75 = 0.89；" +
                     "区位熵 ≥ 1.00 为强，低于 1.00 为弱，本地区没有企业为缺失，判为弱。", maker.GetProperty("rule").GetString());
        // Revenue 2024: E01 420000 + E09 82720 = 502720 万元 = 50.27 亿元; leading firms by revenue: E01 (42), E09 (8.27).
        Assert.Equal(50.27m, maker.GetProperty("revenue").GetDecimal());
        var leaders = maker.GetProperty("leadingFirms").EnumerateArray().Select(f => (f.GetProperty("creditCode").GetString(), f.GetProperty("revenue").GetDecimal())).ToList();
        Assert.Equal([(app.City.Enterprises["E01"].CreditCode, 42m), (app.City.Enterprises["E09"].CreditCode, 8.27m)], leaders);
        // The 招商清单 comes from the real listed-company directory, which this database does not hold.
        Assert.Empty(maker.GetProperty("attractionList").EnumerateArray());
    }

    [Fact]
    public async Task Outsourcing_link_is_strong_and_antibody_link_missing()
    {
        var chain = await BiologicChainAsync();
        // CXO: LQ = (1 ÷ 3) ÷ (1 ÷ 4) = 4/3 = 1.3333 ≥ 1.00 → strong; revenue E04 400000 万元 = 40 亿元.
        var cxo = Link(chain, "BIOLOGIC.CXO");
        Assert.Equal(1, cxo.GetProperty("enterpriseCount").GetInt32());
        Assert.Equal(1.3333m, cxo.GetProperty("locationQuotient").GetDecimal());
        Assert.Equal("strong", cxo.GetProperty("classification").GetString());
        Assert.Equal(40m, cxo.GetProperty("revenue").GetDecimal());
        // 抗体药物: no firm in 示例市 (nor in 示例省) → missing, no quotient.
        var antibody = Link(chain, "BIOLOGIC.ANTIBODY");
        Assert.Equal(0, antibody.GetProperty("enterpriseCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, antibody.GetProperty("locationQuotient").ValueKind);
        Assert.Equal("missing", antibody.GetProperty("classification").GetString());
        // Of the 9 links only CXO is strong and only MAKER weak; the other 7 are missing.
        var classes = chain.GetProperty("links").EnumerateArray().GroupBy(l => l.GetProperty("classification").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["strong"] = 1, ["weak"] = 1, ["missing"] = 7 }, classes);
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenChainTests(GoldenSqliteFactory app) : GoldenChainTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenChainTests(GoldenPostgresFactory app) : GoldenChainTests(app), IClassFixture<GoldenPostgresFactory>;
