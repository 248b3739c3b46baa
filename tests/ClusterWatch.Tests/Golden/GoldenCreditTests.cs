using System.Net;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// Credit scores of the golden enterprises on 2025-07-20 (China) under the shipped scheme (base 80; caps: 资质荣誉 bonus 15,
/// 合规记录 deduction 40; grades A ≥ 90, B 75–89, C 60–74, D 0–59), derived by hand from GoldenCity's credit records.
/// </summary>
public abstract class GoldenCreditTests(GoldenAppFactory app)
{
    private const string GradeRule = "A ≥ 90 分；B 75–89 分；C 60–74 分；D 0–59 分";

    private async Task<JsonElement> CreditAsync(string key)
    {
        var client = await app.ClientAsync("admin");
        var response = await client.GetAsync($"/api/enterprises/{app.City.Enterprises[key].CreditCode}/credit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<(string Code, int Points, int Counted, string? Note, string Occurred, string DocumentNo, string Through)> Factors(JsonElement credit) =>
        credit.GetProperty("factors").EnumerateArray().Select(f => (
            f.GetProperty("indicatorCode").GetString()!, f.GetProperty("points").GetInt32(), f.GetProperty("countedPoints").GetInt32(),
            f.GetProperty("note").ValueKind == JsonValueKind.Null ? null : f.GetProperty("note").GetString(),
            f.GetProperty("occurredOn").GetString()!, f.GetProperty("documentNo").GetString()!, f.GetProperty("validUntil").GetString()!)).ToList();

    [Fact]
    public async Task Leading_biologic_firm_scores_85_grade_B_with_every_point_explained()
    {
        var credit = await CreditAsync("E01");
        // Counted on 2025-07-20: qualification 5 + 4 + 3 + 3 + 2 = 17, capped at 15 (largest first; equal points newest first, so
        // 专精特新 2022-09-01 takes the last 3 and GMP gets 0); social +1 (the employment honour of 2024-05-01 ran out 2025-04-30);
        // deductions: general penalty −5, late report −2, sampling failure −4 (the minor penalty of 2024-04-01 ran out 2025-03-31,
        // the tax arrears were repaired: valid until 2025-06-30; the award dated 2025-08-01 is in the future and ignored).
        // Score = 80 + (15 + 1) − (5 + 2 + 4) = 85 → B.
        Assert.Equal(85, credit.GetProperty("score").GetInt32());
        Assert.Equal("B", credit.GetProperty("grade").GetString());
        Assert.Equal(80, credit.GetProperty("baseScore").GetInt32());
        Assert.Equal(16, credit.GetProperty("bonuses").GetInt32());
        Assert.Equal(11, credit.GetProperty("deductions").GetInt32());
        Assert.Equal(3, credit.GetProperty("expiredRecords").GetInt32());
        Assert.Equal("2025-07-20", credit.GetProperty("asOf").GetString());
        Assert.Equal(GradeRule, credit.GetProperty("gradeRule").GetString());
        Assert.Equal($"得分 85 分（基础分 80 + 加分 16 − 扣分 11），按分数段（{GradeRule}）评为 B 级", credit.GetProperty("gradeReason").GetString());
        Assert.True(credit.GetProperty("isSynthetic").GetBoolean());
        // Dimension order (合规, 履约, 资质, 社会, 监管), bonuses before deductions, larger points first, newer first.
        Assert.Equal(
        [
            ("CMP-PEN-GENERAL", -5, -5, null, "2024-06-18", "示例罚〔2024〕18号", "2027-06-17"),
            ("PUN-LATE-REPORT", -2, -2, null, "2025-02-15", "示例统〔2025〕15号", "2026-02-14"),
            ("QUA-LITTLE-GIANT", 5, 5, null, "2023-08-01", "示例工信〔2023〕8号", "2026-07-31"),
            ("QUA-HIGH-TECH", 4, 4, null, "2024-11-15", "示例高新〔2024〕15号", "2027-11-14"),
            ("QUA-AWARD", 3, 3, null, "2024-03-10", "示例科奖〔2024〕3号", "2027-03-09"),
            ("QUA-SRDI", 3, 3, null, "2022-09-01", "示例工信〔2022〕9号", "2025-08-31"),
            ("QUA-GMP", 2, 0, "“资质荣誉”维度加分上限 15 分已用满，本项计 0 分", "2025-01-20", "示例药检〔2025〕20号", "2028-01-19"),
            ("SOC-DONATION", 1, 1, null, "2025-03-01", "示例慈〔2025〕1号", "2026-02-28"),
            ("REG-SAMPLING-FAIL", -4, -4, null, "2024-09-09", "示例抽〔2024〕9号", "2026-09-08"),
        ], Factors(credit));
    }

    [Fact]
    public async Task A_serious_violation_listing_forces_grade_D_although_66_points_are_band_C()
    {
        var credit = await CreditAsync("E05");
        // 80 + (4 + 5 + 3 + 2 = 14 qualification, within 15) + 2 (环保诚信) − 30 = 66 → band C; 严重违法失信名单 forces D.
        Assert.Equal(66, credit.GetProperty("score").GetInt32());
        Assert.Equal("D", credit.GetProperty("grade").GetString());
        Assert.Equal(16, credit.GetProperty("bonuses").GetInt32());
        Assert.Equal(30, credit.GetProperty("deductions").GetInt32());
        Assert.Equal($"得分 66 分（基础分 80 + 加分 16 − 扣分 30），按分数段（{GradeRule}）评为 C 级；但有效期内存在“列入严重违法失信名单”记录（示例严失〔2025〕1号），直接评为 D 级",
            credit.GetProperty("gradeReason").GetString());
    }

    [Fact]
    public async Task Compliance_deductions_stop_at_the_cap_of_40()
    {
        var credit = await CreditAsync("E09");
        // 15 + 15 + 15 + 5 = 50 in 合规记录, capped at 40: newest serious penalties first (15, 15), the third counts 10, the abnormal list 0.
        Assert.Equal(40, credit.GetProperty("score").GetInt32());
        Assert.Equal("D", credit.GetProperty("grade").GetString());
        Assert.Equal(40, credit.GetProperty("deductions").GetInt32());
        Assert.Equal([-15, -15, -10, 0], Factors(credit).Select(f => f.Counted));
        Assert.Equal(["2025-05-10", "2024-10-10", "2023-12-10", "2025-01-05"], Factors(credit).Select(f => f.Occurred));
        Assert.Equal(new string?[] { null, null, "“合规记录”维度扣分上限 40 分，本项只计 10 分", "“合规记录”维度扣分上限 40 分已用满，本项计 0 分" },
            Factors(credit).Select(f => f.Note).ToList());
    }

    [Fact]
    public async Task Firms_without_records_keep_the_base_80_grade_B()
    {
        var credit = await CreditAsync("E04");
        Assert.Equal(80, credit.GetProperty("score").GetInt32());
        Assert.Equal("B", credit.GetProperty("grade").GetString());
        Assert.Empty(credit.GetProperty("factors").EnumerateArray());
    }

    [Fact]
    public async Task The_credit_grade_filter_lists_exactly_the_two_grade_D_firms()
    {
        var client = await app.ClientAsync("admin");
        async Task<List<string>> Codes(string grade)
        {
            var response = await client.GetAsync($"/api/enterprises?creditGrade={grade}&pageSize=100");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("creditCode").GetString()!).Order(StringComparer.Ordinal).ToList();
        }
        var e = app.City.Enterprises;
        Assert.Equal(new[] { e["E05"].CreditCode, e["E09"].CreditCode }.Order(StringComparer.Ordinal), await Codes("D"));
        Assert.Empty(await Codes("A"));
        Assert.Empty(await Codes("C"));
        // The other 11 of the 13 enterprises: E01 at 85 and ten without records at 80.
        Assert.Equal(e.Where(p => p.Key is not ("E05" or "E09")).Select(p => p.Value.CreditCode).Order(StringComparer.Ordinal), await Codes("B"));
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenCreditTests(GoldenSqliteFactory app) : GoldenCreditTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenCreditTests(GoldenPostgresFactory app) : GoldenCreditTests(app), IClassFixture<GoldenPostgresFactory>;
