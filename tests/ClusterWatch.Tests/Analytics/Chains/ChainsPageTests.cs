using System.Net;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Analytics.Chains;

/// <summary>The /Chains pages through HTTP: cards per chain, and the chart page with its data, selectors and link table.</summary>
public abstract class ChainsPageTests(AppFactory app)
{
    private readonly HttpClient _client = app.Client(allowAutoRedirect: false);

    [Fact]
    public async Task The_chains_page_shows_a_card_per_chain_with_links_by_class()
    {
        var response = await _client.GetAsync("/Chains");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("id=\"chain-cards\"", html);
        foreach (var code in new[] { "BIOLOGIC", "CHEMICAL", "TCM", "DEVICE", "IVD", "CELLGENE" })
            Assert.Contains($"data-chain=\"{code}\"", html);
        Assert.Contains("细胞与基因治疗", html);
        Assert.Contains("data-class=\"missing\"", html);
        Assert.Contains("href=\"/Chains\"", html); // the navigation link
        Assert.Contains("示例数据", html);
    }

    [Fact]
    public async Task The_chart_page_renders_the_graph_container_the_data_and_every_link()
    {
        var html = await _client.GetStringAsync("/Chains");
        var id = System.Text.RegularExpressions.Regex.Match(html, "href=\"/Chains/Details\\?id=(\\d+)[^\"]*\" data-chain=\"IVD\"").Groups[1].Value;
        Assert.NotEmpty(id);

        var page = await _client.GetStringAsync($"/Chains/Details?id={id}&region=440100&benchmark=440300");
        Assert.Contains("id=\"chain-chart\"", page);
        Assert.Contains("id=\"chain-data\"", page);
        Assert.Contains("/lib/echarts.min.js", page);
        Assert.Contains("体外诊断产业链图谱", page);
        foreach (var link in new[] { "IVD.MATERIALS", "IVD.REAGENT", "IVD.INSTRUMENT", "IVD.LAB" })
            Assert.Contains($"data-link=\"{link}\"", page);
        Assert.Matches("data-classification=\"(strong|weak|missing)\"", page);
        Assert.Contains("<option value=\"440100\" selected=\"selected\">", page);
        Assert.Contains("区位熵 =", page);
    }

    [Fact]
    public async Task A_bad_region_is_reported_on_the_page_in_chinese()
    {
        var html = await _client.GetStringAsync("/Chains?region=000000");
        Assert.Contains("参数 region：未找到代码或名称为“000000”的地区。", html);
        Assert.DoesNotContain("id=\"chain-cards\"", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChainsPageTests(SqliteAppFactory app) : ChainsPageTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresChainsPageTests(PostgresAppFactory app) : ChainsPageTests(app);
