using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// A quarterly assessment scheme on the golden plan (weights: target 30, allocation 20, tasks 20, timeliness 10, completeness 10,
/// data quality 10), computed for 2025Q1 and 2025Q2 and published for 2025Q2; every score, rank and change derived by hand.
/// Completion numbers are the dashboard's percentOfTarget for 2025 (targets 55.8, 87.5, 84, 40.3; 甲 39.4, 乙 53.1, 丙 107.7 → 100).
/// Departments answer for the 4 city targets (each leads a task) and have no allocation; districts have no target of their own.
/// </summary>
public abstract class GoldenRankingTests(GoldenAppFactory app)
{
    private sealed record Arranged(int SchemeId, HttpStatusCode AnonymousBeforePublish, JsonElement Q1, JsonElement Q2Anonymous);

    private static readonly ConcurrentDictionary<GoldenAppFactory, Lazy<Task<Arranged>>> Runs = new();

    private Task<Arranged> ArrangeAsync() => Runs.GetOrAdd(app, a => new Lazy<Task<Arranged>>(() => RunAsync(a))).Value;

    private static async Task<Arranged> RunAsync(GoldenAppFactory app)
    {
        var admin = await app.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = "示例市生物医药产业季度考核（示例数据·黄金测试）", description = "示例数据", planId = app.City.PlanId, periodType = "Quarter", isSynthetic = true,
            indicators = new object[]
            {
                new { kind = "TargetCompletion", weight = 30 }, new { kind = "AllocationCompletion", weight = 20 }, new { kind = "TaskCompletion", weight = 20 },
                new { kind = "ReportTimeliness", weight = 10 }, new { kind = "ReportCompleteness", weight = 10 }, new { kind = "DataQuality", weight = 10 },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        foreach (var period in new[] { "2025Q1", "2025Q2" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/compute?period={period}", null)).StatusCode);

        var anonymous = app.CreateClient();
        var before = (await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2025Q2")).StatusCode;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/schemes/{id}/publish?period=2025Q2", null)).StatusCode);
        var q2 = await anonymous.GetAsync($"/api/rankings?scheme={id}&period=2025Q2");
        Assert.Equal(HttpStatusCode.OK, q2.StatusCode);
        var q1 = JsonDocument.Parse(await admin.GetStringAsync($"/api/rankings?scheme={id}&period=2025Q1")).RootElement.Clone();
        return new Arranged(id, before, q1, JsonDocument.Parse(await q2.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private sealed record Row(string Unit, decimal Score, int Rank, decimal? PreviousScore, int? PreviousRank, decimal? Change, int? RankChange);

    private static List<(string Group, List<Row> Units)> Groups(JsonElement ranking) =>
        ranking.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("peerGroup").GetString()!,
            g.GetProperty("units").EnumerateArray().Select(u => new Row(u.GetProperty("unitName").GetString()!, u.GetProperty("score").GetDecimal(),
                u.GetProperty("rank").GetInt32(), Dec(u, "previousScore"), Int(u, "previousRank"), Dec(u, "change"), Int(u, "rankChange"))).ToList())).ToList();

    private static decimal? Dec(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();
    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    [Fact]
    public async Task First_quarter_scores_and_ranks_match_the_hand_computation()
    {
        var q1 = (await ArrangeAsync()).Q1;
        Assert.False(q1.GetProperty("published").GetBoolean());
        // Q1 reports (deadline 2025-04-10): all on time and accepted except 丙区 (04-12, late but accepted). Task statuses as of Q1:
        // 发改委 task 1 未开始 (0), 科技局 task 2 推进中 (½), 甲区 task 3 未开始, 乙区 task 4 未开始; 丙区 leads none.
        // Departments (allocation n/a → weights ×100/80: target 37.5, tasks 25, the three report kinds 12.5 each):
        //   target = (55.8 + 87.5 + 84 + 40.3)/4 = 66.9 → 66.9 × 0.375 = 25.0875
        //   发改委 = 25.0875 + 0 + 12.5 × 3 = 62.5875 → 62.59;  科技局 = 25.0875 + 50 × 0.25 + 37.5 = 75.0875 → 75.09
        // Districts (target n/a → weights ×100/70; 丙区 also tasks n/a → ×100/50):
        //   甲区 = (39.4 × 20 + 0 × 20 + 100 × 10 × 3)/70 = 3788/70 = 54.114 → 54.11
        //   乙区 = (53.1 × 20 + 0 + 3000)/70 = 4062/70 = 58.029 → 58.03
        //   丙区 = (100 × 20 + 0 (late) × 10 + 100 × 10 + 100 × 10)/50 = 4000/50 = 80
        Assert.Equal(
        [
            ("District", new List<Row> { new("示例丙区政府", 80m, 1, null, null, null, null), new("示例乙区政府", 58.03m, 2, null, null, null, null), new("示例甲区政府", 54.11m, 3, null, null, null, null) }),
            ("Department", new List<Row> { new("示例市科技局", 75.09m, 1, null, null, null, null), new("示例市发改委", 62.59m, 2, null, null, null, null) }),
        ], Groups(q1), new GroupsComparer());
    }

    [Fact]
    public async Task Second_quarter_ranking_is_public_once_published_with_a_tie_and_the_change_from_the_first_quarter()
    {
        var arranged = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, arranged.AnonymousBeforePublish);
        var q2 = arranged.Q2Anonymous;
        Assert.True(q2.GetProperty("published").GetBoolean());
        Assert.Equal("2025Q1", q2.GetProperty("previousPeriod").GetString());
        // Q2 (deadline 2025-07-10): 发改委, 科技局, 甲区 on time; 乙区 late; 丙区 missing. Accepted: 发改委, 甲区 (科技局, 乙区 only submitted).
        // Tasks as of Q2: 发改委 推进中 (½), 科技局 done (1), 甲区 推进中 (½), 乙区 未开始 (0).
        //   发改委 = 25.0875 + 50 × 0.25 + 100 × 0.125 × 3 = 75.0875 → 75.09
        //   科技局 = 25.0875 + 100 × 0.25 + 12.5 + 12.5 + 0 (not accepted) = 75.0875 → 75.09 → tied: both rank 1, listed by name
        //   甲区 = (39.4 × 20 + 50 × 20 + 100 × 10 × 3)/70 = 4788/70 = 68.4
        //   乙区 = (53.1 × 20 + 0 × 20 + 0 (late) + 100 × 10 + 0 (not accepted))/70 = 2062/70 = 29.457 → 29.46
        //   丙区 = (100 × 20 + 0 + 0)/40 (tasks and data quality n/a: nothing submitted) = 50
        // Change = Q2 − Q1 score; rank change = Q1 rank − Q2 rank.
        Assert.Equal(
        [
            ("District", new List<Row>
            {
                new("示例甲区政府", 68.4m, 1, 54.11m, 3, 14.29m, 2),
                new("示例丙区政府", 50m, 2, 80m, 1, -30m, -1),
                new("示例乙区政府", 29.46m, 3, 58.03m, 2, -28.57m, -1),
            }),
            ("Department", new List<Row>
            {
                new("示例市发改委", 75.09m, 1, 62.59m, 2, 12.5m, 1),
                new("示例市科技局", 75.09m, 1, 75.09m, 1, 0m, 0),
            }),
        ], Groups(q2), new GroupsComparer());
    }

    [Fact]
    public async Task Jia_district_breakdown_reweights_without_the_city_target_indicator()
    {
        var q2 = (await ArrangeAsync()).Q2Anonymous;
        var jia = q2.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("units").EnumerateArray())
            .Single(u => u.GetProperty("unitName").GetString() == "示例甲区政府");
        var breakdown = jia.GetProperty("breakdown").EnumerateArray().Select(b => (b.GetProperty("kind").GetString(), b.GetProperty("applicable").GetBoolean(),
            Dec(b, "score"), b.GetProperty("effectiveWeight").GetDecimal(), b.GetProperty("points").GetDecimal())).ToList();
        // 20 × 100/70 = 28.57, 10 × 100/70 = 14.29; points = score × effective weight / 100 (39.4 × 28.571% = 11.26, 50 × 28.571% = 14.29).
        Assert.Equal(
        [
            ("TargetCompletion", false, null, 0m, 0m),
            ("AllocationCompletion", true, 39.4m, 28.57m, 11.26m),
            ("TaskCompletion", true, 50m, 28.57m, 14.29m),
            ("ReportTimeliness", true, 100m, 14.29m, 14.29m),
            ("ReportCompleteness", true, 100m, 14.29m, 14.29m),
            ("DataQuality", true, 100m, 14.29m, 14.29m),
        ], breakdown);
        var tasks = jia.GetProperty("breakdown").EnumerateArray().Single(b => b.GetProperty("kind").GetString() == "TaskCompletion");
        Assert.Equal("牵头任务 1 项：已完成 0 项，推进中 1 项（按半项计），其余 0 项未开始或滞后（不计）；(0 + 1 × 0.5) ÷ 1 = 50%；得分 50；" +
                     "权重 20 分，因「目标完成率」不适用按比例调整为 28.57 分，计 50 × 28.57% = 14.29 分。", tasks.GetProperty("explanation").GetString());
    }

    /// <summary>Compares group lists element by element (records compare by value).</summary>
    private sealed class GroupsComparer : IEqualityComparer<(string Group, List<Row> Units)>
    {
        public bool Equals((string Group, List<Row> Units) x, (string Group, List<Row> Units) y) => x.Group == y.Group && x.Units.SequenceEqual(y.Units);
        public int GetHashCode((string Group, List<Row> Units) obj) => obj.Group.GetHashCode();
    }
}

[Trait("Category", "Golden")]
public sealed class SqliteGoldenRankingTests(GoldenSqliteFactory app) : GoldenRankingTests(app), IClassFixture<GoldenSqliteFactory>;

[Trait("Category", "Golden"), Trait("Database", "PostgreSQL")]
public sealed class PostgresGoldenRankingTests(GoldenPostgresFactory app) : GoldenRankingTests(app), IClassFixture<GoldenPostgresFactory>;
