using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Import;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Enterprises;

/// <summary>The enterprises API over HTTP against the seeded database (300 synthetic enterprises, seed 42).</summary>
public abstract class EnterprisesApiTests(AppFactory app)
{
    private const string Header = "统一社会信用代码,企业名称,注册地区,生产地区,细分行业,上市状态,股票代码,成立年份,标签,年份,季度,营业收入（万元）,产值（万元）,研发投入（万元）,从业人员,发明专利（件）";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static MultipartFormDataContent Upload(string csv, string fileName = "企业.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>Credit codes no seeded enterprise has (the demo set uses its own prefixes).</summary>
    private static string TestCode(int n) => CreditCode.Complete($"91440300T{n:D8}");

    private async Task<HashSet<int>> SubtreeAsync(AppDbContext db, string code)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        var ids = regions.Where(r => r.Code == code).Select(r => r.Id).ToHashSet();
        for (var added = true; added;)
        {
            var children = regions.Where(r => r.ParentId is { } p && ids.Contains(p) && !ids.Contains(r.Id)).Select(r => r.Id).ToList();
            added = children.Count > 0;
            ids.UnionWith(children);
        }
        return ids;
    }

    [Fact]
    public async Task The_list_answers_one_page_with_items_total_page_and_page_size_sorted_by_revenue()
    {
        await using var scope = app.Scope(out var db);
        var count = await db.Enterprises.CountAsync();

        var json = await Json(await app.Client().GetAsync("/api/enterprises?page=2&pageSize=7"));

        Assert.Equal(count, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(7, json.GetProperty("pageSize").GetInt32());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Math.Clamp(count - 7, 0, 7), items.Count);
        var first = items[0];
        Assert.Equal(18, first.GetProperty("creditCode").GetString()!.Length);
        Assert.Equal(6, first.GetProperty("region").GetProperty("code").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("industry").GetProperty("name").GetString()));
        Assert.True(first.GetProperty("isSynthetic").GetBoolean());
        var revenues = items.Select(i => i.GetProperty("revenue").ValueKind == JsonValueKind.Null ? -1m : i.GetProperty("revenue").GetDecimal()).ToList();
        Assert.Equal(revenues.OrderByDescending(r => r), revenues);
    }

    [Fact]
    public async Task Region_440300_includes_the_enterprises_registered_in_its_districts()
    {
        await using var scope = app.Scope(out var db);
        var shenzhen = await SubtreeAsync(db, "440300");
        var expected = await db.Enterprises.CountAsync(e => shenzhen.Contains(e.RegisteredRegionId));
        Assert.True(expected > 0, "the seeded set has enterprises in Shenzhen");

        var json = await Json(await app.Client().GetAsync("/api/enterprises?region=440300&pageSize=500"));

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        var codes = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("region").GetProperty("code").GetString()!).ToList();
        Assert.All(codes, c => Assert.StartsWith("4403", c));
        Assert.Contains(codes, c => c != "440300");

        var nanshan = await Json(await app.Client().GetAsync("/api/enterprises?region=" + Uri.EscapeDataString("南山") + "&pageSize=500"));
        Assert.All(nanshan.GetProperty("items").EnumerateArray(), i => Assert.Equal("440305", i.GetProperty("region").GetProperty("code").GetString()));
        Assert.True(nanshan.GetProperty("total").GetInt32() < expected);
    }

    [Fact]
    public async Task Tier_10_lists_only_enterprises_with_at_least_ten_yi_of_revenue_that_year()
    {
        await using var scope = app.Scope(out var db);
        var revenues = await db.EnterpriseFigures.Where(f => f.Year == 2025 && f.Quarter == 0).Select(f => f.Revenue).ToListAsync();
        var expected = revenues.Count(r => r >= 100_000m);
        Assert.True(expected > 0 && expected < revenues.Count, "the seeded set has firms on both sides of 10 亿元");

        var json = await Json(await app.Client().GetAsync("/api/enterprises?tier=10&year=2025&pageSize=500"));

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("revenue").GetDecimal() >= 100_000m));
    }

    [Fact]
    public async Task Industry_and_pool_filters_and_bad_filters()
    {
        await using var scope = app.Scope(out var db);
        var expected = await db.Enterprises.CountAsync(e => e.IndustryCode == IndustryTaxonomy.Device || e.IndustryCode.StartsWith(IndustryTaxonomy.Device + "."));
        var client = app.Client();

        var devices = await Json(await client.GetAsync("/api/enterprises?industry=BIO.DEVICE&pageSize=500"));
        Assert.Equal(expected, devices.GetProperty("total").GetInt32());
        Assert.All(devices.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("BIO.DEVICE", i.GetProperty("industry").GetProperty("code").GetString()));

        var pool = await Json(await client.GetAsync("/api/enterprises?pool=" + Uri.EscapeDataString("高新技术") + "&year=2025&pageSize=500"));
        Assert.All(pool.GetProperty("items").EnumerateArray(), i => Assert.Contains("HighTech", i.GetProperty("pools").EnumerateArray().Select(p => p.GetString())));

        var bad = await client.GetAsync("/api/enterprises?tier=7&region=" + Uri.EscapeDataString("火星区"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("tier", out _));
        Assert.True(errors.TryGetProperty("region", out _));
    }

    [Fact]
    public async Task A_rejected_import_answers_400_listing_every_bad_row_and_leaves_the_database_unchanged()
    {
        await using var scope = app.Scope(out var db);
        var before = (await db.Enterprises.CountAsync(), await db.EnterpriseFigures.CountAsync(), await db.AuditEntries.CountAsync());
        var badCode = TestCode(2)[..17] + (TestCode(2)[17] == '0' ? '1' : '0');
        var csv = string.Join("\r\n", Header,
            $"{TestCode(1)},测试企业甲,南山区,,生物药,,,,,2025,,100,,,,",
            $"{badCode},测试企业乙,南山区,,生物药,,,,,2025,,100,,,,",
            $"{TestCode(3)},测试企业丙,南山区,,生物药,,,,,2025,,-1,,,,",
            $"{TestCode(4)},测试企业丁,火星区,,生物药,,,,,2025,,100,,,,",
            $"{TestCode(1)},测试企业甲,南山区,,生物药,,,,,2025,,100,,,,");

        var response = await app.Client().PostAsync("/api/imports/enterprises", Upload(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "统一社会信用代码"), errors);
        Assert.Contains((4, "营业收入（万元）"), errors);
        Assert.Contains((5, "注册地区"), errors);
        Assert.Contains((6, "年份"), errors);
        Assert.Equal(before, (await db.Enterprises.CountAsync(), await db.EnterpriseFigures.CountAsync(), await db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_valid_import_creates_a_real_enterprise_whose_details_show_yearly_and_quarterly_figures()
    {
        var code = TestCode(10);
        var csv = string.Join("\r\n", Header,
            $"{code},测试导入企业,南山区,南山区；坪山区,体外诊断,未上市,,2012,专精特新,2001,,1234.5,1000,100,50,3",
            $"{code},测试导入企业,南山区,南山区；坪山区,体外诊断,未上市,,2012,,2001,2,300,,,,");
        try
        {
            var response = await app.Client().PostAsync("/api/imports/enterprises", Upload(csv));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = await Json(response);
            Assert.Equal(1, result.GetProperty("enterprisesCreated").GetInt32());
            Assert.Equal(2, result.GetProperty("figuresWritten").GetInt32());

            var details = await Json(await app.Client().GetAsync($"/api/enterprises/{code}"));
            Assert.False(details.GetProperty("isSynthetic").GetBoolean());
            Assert.Equal("440305", details.GetProperty("region").GetProperty("code").GetString());
            Assert.Equal(1234.5m, details.GetProperty("yearlyFigures")[0].GetProperty("revenue").GetDecimal());
            Assert.Equal(2, details.GetProperty("quarterlyFigures")[0].GetProperty("quarter").GetInt32());
            Assert.Equal(2, details.GetProperty("productionSites").GetArrayLength());
        }
        finally
        {
            await using var scope = app.Scope(out var db);
            await db.Enterprises.Where(e => e.CreditCode == code).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task An_unknown_credit_code_answers_404_problem_details()
    {
        var response = await app.Client().GetAsync($"/api/enterprises/{TestCode(99)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_template_downloads_as_a_valid_xlsx_and_as_a_csv_with_bom()
    {
        var client = app.Client();
        var xlsx = await client.GetAsync("/api/imports/enterprises/template?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var table = TabularFileReader.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "t.xlsx");
        Assert.Equal(EnterpriseImportColumns.All, table.Headers);

        var csv = await client.GetByteArrayAsync("/api/imports/enterprises/template?format=csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Equal(EnterpriseImportColumns.All, TabularFileReader.Read(new MemoryStream(csv), "t.csv").Headers);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/imports/enterprises/template?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_export_holds_every_matching_enterprise_not_just_one_page()
    {
        await using var scope = app.Scope(out var db);
        var shenzhen = await SubtreeAsync(db, "440300");
        var expected = await db.Enterprises.CountAsync(e => shenzhen.Contains(e.RegisteredRegionId));

        var response = await app.Client().GetAsync("/api/enterprises/export?region=440300&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = TabularFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "export.xlsx");
        Assert.Equal(expected, table.Rows.Count);
        Assert.Contains(table.Rows, r => r.Get("数据性质") == "示例数据");
    }

    [Fact]
    public async Task The_list_page_marks_synthetic_rows_and_shows_the_banner()
    {
        var html = await app.Client().GetStringAsync("/Enterprises?region=440300");
        Assert.Contains("synthetic-banner", html);
        Assert.Contains("badge synthetic", html);
        Assert.Contains("/api/enterprises/export?region=440300", html);
    }

    private static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task The_import_page_lists_every_error_row_and_writes_nothing()
    {
        var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync("/Enterprises/Import"));
        Assert.NotEmpty(token);
        await using var scope = app.Scope(out var db);
        var before = await db.Enterprises.CountAsync();
        var form = Upload(string.Join("\r\n", Header,
            $"{TestCode(20)},页面测试企业,南山区,,生物药,,,,,2025,,-3,,,,",
            $"{TestCode(21)},页面测试企业二,火星区,,生物药,,,,,2025,,3,,,,"));
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var html = await (await client.PostAsync("/Enterprises/Import", form)).Content.ReadAsStringAsync();

        Assert.Contains("import-errors", html);
        Assert.Contains("<td>2</td><td>营业收入（万元）</td>", html);
        Assert.Contains("<td>3</td><td>注册地区</td>", html);
        Assert.Equal(before, await db.Enterprises.CountAsync());
    }

    [Fact]
    public async Task The_edit_page_rejects_a_bad_credit_code_and_creates_a_valid_enterprise_with_an_audit_entry()
    {
        var client = app.Client(allowAutoRedirect: false);
        var token = AntiforgeryToken(await client.GetStringAsync("/Enterprises/Edit"));
        var code = TestCode(30);
        FormUrlEncodedContent Form(string creditCode) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.CreditCode"] = creditCode, ["Input.Name"] = "手工录入测试企业",
            ["Input.Region"] = "440305", ["Input.Industry"] = IndustryTaxonomy.Cro, ["Input.ListingStatus"] = "Unlisted", ["Input.FoundedYear"] = "2018",
        });
        try
        {
            var bad = await (await client.PostAsync("/Enterprises/Edit", Form(code[..17] + "I"))).Content.ReadAsStringAsync();
            Assert.Contains("不是允许的字符", bad);

            var created = await client.PostAsync("/Enterprises/Edit", Form(code));
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Replace(await created.Content.ReadAsStringAsync(), "(?s).*<main[^>]*>|</main>.*", ""));
            await using var scope = app.Scope(out var db);
            var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == code);
            Assert.False(enterprise.IsSynthetic);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Enterprise) && a.EntityId == enterprise.Id.ToString()));
        }
        finally
        {
            await using var scope = app.Scope(out var db);
            await db.Enterprises.Where(e => e.CreditCode == code).ExecuteDeleteAsync();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEnterprisesApiTests(SqliteAppFactory app) : EnterprisesApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresEnterprisesApiTests(PostgresAppFactory app) : EnterprisesApiTests(app);
