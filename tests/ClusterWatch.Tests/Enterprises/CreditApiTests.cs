using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Enterprises;

/// <summary>The credit endpoints, import and grade filter over HTTP against the seeded database (synthetic credit demo, seed 42).</summary>
public abstract class CreditApiTests(AppFactory app)
{
    private const string Header = "统一社会信用代码,指标代码,事项,发生日期,文书号,发布机关,有效期至,来源";
    private static int _next;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static MultipartFormDataContent Upload(string csv, string fileName = "信用记录.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>A real (not synthetic) enterprise with a unique credit code, for importing records onto.</summary>
    private async Task<(int Id, string Code)> RealEnterpriseAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var code = CreditCode.Complete($"91440300C{Environment.ProcessId % 1000:D3}{n:D5}");
        await using var scope = app.Scope(out var db);
        var region = await db.Regions.FirstAsync(r => r.Code == "440305");
        var enterprise = new Enterprise
        {
            CreditCode = code, Name = $"信用测试企业{n}-{Guid.NewGuid():N}"[..20], RegisteredRegionId = region.Id,
            IndustryCode = IndustryTaxonomy.All[0].Code, IsSynthetic = false,
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return (enterprise.Id, code);
    }

    private async Task<int> RecordCountAsync(int enterpriseId)
    {
        await using var scope = app.Scope(out var db);
        return await db.Set<CreditRecord>().CountAsync(r => r.EnterpriseId == enterpriseId);
    }

    [Fact]
    public async Task Seeding_scores_every_synthetic_enterprise_and_flags_its_demo_records_synthetic()
    {
        await using var scope = app.Scope(out var db);
        // The demo generator's enterprises come first; other tests add synthetic ones of their own to the shared database meanwhile.
        var synthetic = await db.Enterprises.Where(e => e.IsSynthetic).OrderBy(e => e.Id).Take(AppFactory.DemoEnterprises).Select(e => e.Id).ToListAsync();
        var scored = await db.Set<CreditScore>().Where(s => synthetic.Contains(s.EnterpriseId)).CountAsync();

        Assert.Equal(synthetic.Count, scored);
        Assert.True(await db.Set<CreditRecord>().CountAsync(r => r.IsSynthetic) > 100);
        Assert.All(await db.Set<CreditRecord>().Where(r => r.IsSynthetic).Take(50).ToListAsync(), r => Assert.Contains("示例", r.Title));
        Assert.True(await db.Set<CreditScore>().Select(s => s.Grade).Distinct().CountAsync() >= 3);
    }

    [Fact]
    public async Task The_credit_of_a_demo_enterprise_adds_up_and_every_factor_cites_its_record()
    {
        await using var scope = app.Scope(out var db);
        var withRecords = await db.Set<CreditScore>().Where(s => s.Deductions > 0 && s.Bonuses > 0 && s.Enterprise!.IsSynthetic)
            .Select(s => new { s.Enterprise!.CreditCode, s.Score, s.Grade }).FirstAsync();

        var json = await Json(await app.Client("analyst").GetAsync($"/api/enterprises/{withRecords.CreditCode}/credit"));

        var factors = json.GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("baseScore").GetInt32() + json.GetProperty("bonuses").GetInt32() - json.GetProperty("deductions").GetInt32(),
            json.GetProperty("score").GetInt32());
        Assert.Equal(json.GetProperty("bonuses").GetInt32() - json.GetProperty("deductions").GetInt32(), factors.Sum(f => f.GetProperty("countedPoints").GetInt32()));
        Assert.Equal(withRecords.Score, json.GetProperty("score").GetInt32());
        Assert.Equal(withRecords.Grade, json.GetProperty("grade").GetString());
        Assert.True(json.GetProperty("isSynthetic").GetBoolean());
        foreach (var f in factors)
        {
            var recordId = f.GetProperty("recordId").GetInt64();
            var record = await db.Set<CreditRecord>().SingleAsync(r => r.Id == recordId);
            Assert.Equal(record.DocumentNo, f.GetProperty("documentNo").GetString());
            Assert.Equal(record.Issuer, f.GetProperty("issuer").GetString());
            Assert.Equal(record.OccurredOn.ToString("yyyy-MM-dd"), f.GetProperty("occurredOn").GetString());
        }
    }

    [Fact]
    public async Task The_credit_of_an_unknown_credit_code_is_404_problem_details()
    {
        var response = await app.Client().GetAsync("/api/enterprises/91440300NOTEXIST00/credit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_import_with_bad_rows_names_each_row_and_field_and_writes_nothing()
    {
        var (id, code) = await RealEnterpriseAsync();
        string syntheticCode;
        await using (var scope = app.Scope(out var db)) syntheticCode = await db.Enterprises.Where(e => e.IsSynthetic).Select(e => e.CreditCode).FirstAsync();
        var unknownCode = CreditCode.Complete("91440300U99999999");
        var csv = $"""
            {Header}
            {code},PUN-TAX-ARREARS,欠缴增值税,2026-03-02,穗税公告〔2026〕1号,国家税务总局广州市税务局,,
            {unknownCode},CMP-PEN-GENERAL,罚款,2026-03-02,罚〔2026〕2号,某局,,
            {code},NO-SUCH-CODE,某事项,2026-03-02,文〔2026〕3号,某局,,
            {code},CMP-PEN-GENERAL,罚款,2026-02-30,罚〔2026〕4号,某局,,
            {code},CMP-PEN-GENERAL,罚款,2026-01-05,,某局,,
            {syntheticCode},QUA-GMP,GMP 检查通过,2026-01-05,,某局,,
            {code},QUA-GMP,GMP 检查通过,2026-01-05,,某局,2025-12-31,
            """;

        var response = await app.Client().PostAsync("/api/credit/import", Upload(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await Json(response);
        var errors = json.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "统一社会信用代码" } && e.Message.Contains("没有该统一社会信用代码"));
        Assert.Contains(errors, e => e is { Row: 4, Column: "指标代码" } && e.Message.Contains("NO-SUCH-CODE"));
        Assert.Contains(errors, e => e is { Row: 5, Column: "发生日期" } && e.Message.Contains("不是有效日期"));
        Assert.Contains(errors, e => e is { Row: 6, Column: "文书号" } && e.Message.Contains("扣分事项必须填写文书号"));
        Assert.Contains(errors, e => e is { Row: 7, Column: "统一社会信用代码" } && e.Message.Contains("示例数据"));
        Assert.Contains(errors, e => e is { Row: 8, Column: "有效期至" });
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(0, await RecordCountAsync(id));
    }

    [Fact]
    public async Task An_import_rescores_the_enterprise_and_its_credit_cites_the_imported_documents()
    {
        var (id, code) = await RealEnterpriseAsync();
        var csv = $"""
            {Header}
            {code},PUN-TAX-ARREARS,欠缴增值税,2026-03-02,穗税公告〔2026〕1号,国家税务总局广州市税务局,,信用中国（广东）
            {code},高新技术企业认定,高新技术企业证书,2025年12月1日,GR202544000123,广东省科学技术厅,,
            {code},CMP-PEN-MINOR,警告,2020-01-01,罚〔2020〕9号,某区市场监督管理局,,
            """;

        var response = await app.Client().PostAsync("/api/credit/import", Upload(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json(response);
        Assert.Equal(3, result.GetProperty("recordsCreated").GetInt32());
        Assert.Equal(1, result.GetProperty("enterprisesRescored").GetInt32());
        var credit = await Json(await app.Client().GetAsync($"/api/enterprises/{code}/credit"));
        Assert.Equal(79, credit.GetProperty("score").GetInt32()); // 80 − 5 + 4; the 2020 warning has expired
        Assert.Equal("B", credit.GetProperty("grade").GetString());
        Assert.Equal(1, credit.GetProperty("expiredRecords").GetInt32());
        var documents = credit.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("documentNo").GetString()!).ToList();
        Assert.Equal(["GR202544000123", "穗税公告〔2026〕1号"], documents.Order().ToList());
        await using var scope = app.Scope(out var db);
        var stored = await db.Set<CreditScore>().AsNoTracking().SingleAsync(s => s.EnterpriseId == id);
        Assert.Equal((79, "B"), (stored.Score, stored.Grade));
        var cited = await db.Set<CreditRecord>().AsNoTracking().Where(r => r.EnterpriseId == id && (r.DocumentNo == "穗税公告〔2026〕1号" || r.DocumentNo == "GR202544000123"))
            .Select(r => r.Id).ToListAsync();
        Assert.Equal(2, cited.Count);
        Assert.All(cited, recordId => Assert.Contains($"[{recordId},", stored.Factors));

        var again = await Json(await app.Client().PostAsync("/api/credit/import", Upload(csv)));
        Assert.Equal(0, again.GetProperty("recordsCreated").GetInt32());
        Assert.Equal(3, again.GetProperty("recordsAlreadyPresent").GetInt32());
        Assert.Equal(3, await RecordCountAsync(id));
    }

    [Fact]
    public async Task The_credit_grade_filters_the_enterprise_list_and_its_export()
    {
        var (_, code) = await RealEnterpriseAsync();
        var csv = $"{Header}\n{code},CMP-SERIOUS-LIST,列入严重违法失信名单,2026-02-01,列〔2026〕7号,广州市市场监督管理局,,\n";
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PostAsync("/api/credit/import", Upload(csv))).StatusCode);

        var asD = await Json(await app.Client().GetAsync($"/api/enterprises?creditGrade=D&q={code}"));
        var asB = await Json(await app.Client().GetAsync($"/api/enterprises?creditGrade=B&q={code}"));
        var allD = await Json(await app.Client().GetAsync("/api/enterprises?creditGrade=d&pageSize=500"));

        Assert.Equal(1, asD.GetProperty("total").GetInt32());
        Assert.Equal("D", asD.GetProperty("items")[0].GetProperty("creditGrade").GetString());
        Assert.Equal(0, asB.GetProperty("total").GetInt32());
        Assert.All(allD.GetProperty("items").EnumerateArray(), i => Assert.Equal("D", i.GetProperty("creditGrade").GetString()));
        await using var scope = app.Scope(out var db);
        Assert.Equal(await db.Set<CreditScore>().CountAsync(s => s.Grade == "D"), allD.GetProperty("total").GetInt32());

        var export = await app.Client().GetAsync($"/api/enterprises/export?creditGrade=D&q={code}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var table = TabularFileReader.Read(await export.Content.ReadAsStreamAsync(), "export.xlsx");
        Assert.Equal("D", Assert.Single(table.Rows).Get("信用等级"));
    }

    [Fact]
    public async Task An_unknown_credit_grade_is_a_validation_problem_naming_the_filter()
    {
        var response = await app.Client().GetAsync("/api/enterprises?creditGrade=E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("creditGrade", out _));
    }

    [Fact]
    public async Task An_enterprise_not_yet_scored_is_listed_under_the_base_score_grade()
    {
        var (_, code) = await RealEnterpriseAsync();

        var asB = await Json(await app.Client().GetAsync($"/api/enterprises?creditGrade=B&q={code}"));

        Assert.Equal(1, asB.GetProperty("total").GetInt32());
        Assert.Equal("B", asB.GetProperty("items")[0].GetProperty("creditGrade").GetString());
    }

    [Fact]
    public async Task An_incremental_refresh_on_a_later_day_rescores_an_enterprise_whose_record_expired_meanwhile()
    {
        var (id, code) = await RealEnterpriseAsync();
        var csv = $"{Header}\n{code},REG-LITIGATION,民事诉讼败诉,2026-01-10,（2026）粤01民终1号,广州市中级人民法院,,\n";
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PostAsync("/api/credit/import", Upload(csv))).StatusCode);

        await using var scope = app.Scope(out var db);
        var later = new CreditScoringService(db, new TestClock(new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero)), scope.ServiceProvider.GetRequiredService<CreditScoringModel>());
        var before = await db.Set<CreditScore>().AsNoTracking().SingleAsync(s => s.EnterpriseId == id);
        var audits = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CreditScore));
        await later.RefreshAsync(RefreshScope.Of()); // nothing changed but the date
        var after = await db.Set<CreditScore>().AsNoTracking().SingleAsync(s => s.EnterpriseId == id);

        Assert.Equal(78, before.Score);
        Assert.Equal(new DateOnly(2027, 1, 10), before.NextChangeOn);
        Assert.Equal(80, after.Score); // one year: through 2027-01-09
        Assert.Null(after.NextChangeOn);
        Assert.Equal(audits + 1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CreditScore)));
    }

    [Fact]
    public async Task A_full_refresh_rewrites_only_the_scores_that_changed_and_they_match_a_fresh_scoring()
    {
        var (id, code) = await RealEnterpriseAsync();
        await using var scope = app.Scope(out var db);
        var scoring = scope.ServiceProvider.GetRequiredService<CreditScoringService>();
        await scoring.RefreshAsync(RefreshScope.Full);

        var unchanged = await scoring.RefreshAsync(RefreshScope.Full);
        db.Set<CreditRecord>().Add(new CreditRecord
        {
            EnterpriseId = id, IndicatorCode = "REG-LITIGATION", Title = "民事诉讼败诉", OccurredOn = scoring.Today().AddDays(-10),
            DocumentNo = $"（2026）粤01民终{id}号", Issuer = "广州市中级人民法院", Source = "测试", ImportedAt = DateTimeOffset.UtcNow, ImportedBy = "test",
        });
        await db.SaveChangesAsync();
        var oneChanged = await scoring.RefreshAsync(RefreshScope.Full);

        Assert.Equal(0, unchanged.Written);
        Assert.True(unchanged.EnterprisesScored > 0);
        Assert.Equal(1, oneChanged.Written);
        var stored = await db.Set<CreditScore>().AsNoTracking().SingleAsync(s => s.EnterpriseId == id);
        var live = await scoring.EvaluateAsync(id);
        Assert.Equal((live.Score, live.Grade, live.NextChangeOn), (stored.Score, stored.Grade, stored.NextChangeOn));
        Assert.Equal(CreditScoringService.CitedFactors(live.Factors), stored.Factors);
        Assert.True(stored.Score < 80, $"{code} scored {stored.Score}");
    }

    [Fact]
    public async Task The_template_is_an_xlsx_with_the_chinese_headers_and_the_scheme_lists_every_indicator()
    {
        var template = await app.Client().GetAsync("/api/credit/template.xlsx");
        var table = TabularFileReader.Read(await template.Content.ReadAsStreamAsync(), "t.xlsx");
        var scheme = await Json(await app.Client().GetAsync("/api/credit/scheme"));
        var records = await Json(await app.Client().GetAsync("/api/credit/records?pageSize=5"));

        Assert.Equal(CreditImportColumns.All, table.Headers);
        Assert.Equal(80, scheme.GetProperty("baseScore").GetInt32());
        Assert.Equal(5, scheme.GetProperty("dimensions").GetArrayLength());
        Assert.Contains(scheme.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "CMP-SERIOUS-LIST");
        Assert.Equal(5, records.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Importing_credit_records_is_for_admins()
    {
        var response = await app.Client("analyst").PostAsync("/api/credit/import", Upload(Header + "\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_enterprise_pages_show_the_grade_filter_the_grade_badges_and_the_credit_factors()
    {
        await using var scope = app.Scope(out var db);
        var scored = await db.Set<CreditScore>().Where(s => s.Deductions > 0 && s.Enterprise!.IsSynthetic)
            .Select(s => new { s.Enterprise!.CreditCode, s.Grade, s.Score }).FirstAsync();
        var client = app.Client("analyst");

        var list = await client.GetStringAsync($"/Enterprises?creditGrade={scored.Grade}&q={scored.CreditCode}");
        var details = await client.GetStringAsync($"/Enterprises/Details/{scored.CreditCode}");
        var import = await app.Client().GetStringAsync("/Enterprises/CreditImport");

        Assert.Contains("id=\"credit-grade-filter\"", list);
        Assert.Contains($"<option value=\"{scored.Grade}\" selected=\"selected\">", list);
        Assert.Contains($"#credit\">{scored.Grade}</a>", list);
        Assert.Contains("id=\"credit-factors\"", details);
        Assert.Contains($"<strong id=\"credit-score\">{scored.Score}</strong>", details);
        Assert.Contains("示例〔", details);
        Assert.Contains("CMP-SERIOUS-LIST", import);
        Assert.Contains("/api/credit/template.xlsx", import);
    }

    [Fact]
    public async Task The_credit_import_page_is_for_admins()
    {
        var response = await app.Client("analyst", allowAutoRedirect: false).GetAsync("/Enterprises/CreditImport");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCreditApiTests(SqliteAppFactory app) : CreditApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresCreditApiTests(PostgresAppFactory app) : CreditApiTests(app);
