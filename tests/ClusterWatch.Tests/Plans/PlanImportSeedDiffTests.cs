using System.Globalization;
using System.Text;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using Xunit.Abstractions;

namespace ClusterWatch.Tests.Plans;

/// <summary>
/// The seed plans are produced by the parser; where it differs from the hand-checked gold files, the README's "## Extraction"
/// table lists the difference with which one is right. This test recomputes the differences and fails when the table is stale.
/// Set CLUSTERWATCH_UPDATE_README=1 to rewrite the table (the 哪个对 / 原因 cells of rows that remain are kept).
/// </summary>
public sealed class PlanImportSeedDiffTests(ITestOutputHelper output)
{
    public static readonly string[] Slugs =
    [
        "shenzhen-bio-plan-2009-2015", "shenzhen-bio-internet-newenergy-workplan-2010-2012", "shenzhen-biomed-cluster-2020-2025",
        "guangzhou-biomed-action-2018-2020", "guangdong-biomed-health-cluster-2021-2025",
    ];

    private const string Section = "## Extraction";
    private const string TableHeader = "| 文件 | 类别 | 金标准（gold） | 解析器 | 哪个对 | 原因 |";

    public sealed record Difference(string Document, string Kind, string Gold, string Parser)
    {
        public string Key => $"| {Cell(Document)} | {Cell(Kind)} | {Cell(Gold)} | {Cell(Parser)} |";
    }

    [Fact]
    public void The_readme_extraction_table_lists_every_difference_between_the_parser_and_the_gold_files()
    {
        var differences = new List<Difference>();
        foreach (var slug in Slugs)
        {
            var (parsed, gold) = Load(slug);
            var score = ExtractionScorer.Score(parsed, gold);
            var found = Compare(slug, parsed, gold, out var matched);
            output.WriteLine($"{slug}: targets {score.Targets}; baselines {score.Baselines}; allocations {score.Allocations}; tasks {score.Tasks}; leads {score.LeadUnits}; {found.Count} differences");
            // The pairing below follows ExtractionScorer's rules: it must find exactly the scorer's matches.
            Assert.Equal((score.Targets.Matched, score.Baselines.Matched, score.Allocations.Matched, score.Tasks.Matched), matched);
            differences.AddRange(found.DistinctBy(d => d.Key)); // a wording repeated over several years is one row
        }
        foreach (var d in differences) output.WriteLine(d.Key);

        var readmePath = FindReadme();
        var readme = File.ReadAllText(readmePath);
        if (Environment.GetEnvironmentVariable("CLUSTERWATCH_UPDATE_README") == "1")
        {
            readme = WithTable(readme, differences);
            File.WriteAllText(readmePath, readme);
        }
        var start = readme.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no \"{Section}\" section");
        var section = readme[start..];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| 文件 ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();
        var missing = differences.Where(d => !rows.Any(r => r.StartsWith(d.Key, StringComparison.Ordinal))).Select(d => d.Key).ToList();
        Assert.True(missing.Count == 0, "README 提取差异表缺少：\n" + string.Join("\n", missing));
        var stale = rows.Where(r => r.Contains(" | ", StringComparison.Ordinal) && Slugs.Any(s => r.StartsWith($"| {s} |", StringComparison.Ordinal))
            && !differences.Any(d => r.StartsWith(d.Key, StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, "README 提取差异表有已不存在的差异：\n" + string.Join("\n", stale));
        var unexplained = rows.Where(r => Slugs.Any(s => r.StartsWith($"| {s} |", StringComparison.Ordinal)) && r.TrimEnd().EndsWith("|  |  |", StringComparison.Ordinal)).ToList();
        Assert.True(unexplained.Count == 0, "README 提取差异表有未说明的差异：\n" + string.Join("\n", unexplained));
    }

    [Fact]
    public void Confirming_a_parse_against_a_review_keeps_matched_rows_in_parser_order_with_the_reviewed_wording_adds_missed_rows_and_drops_extra_ones()
    {
        PlanExtraction.TargetItem T(string name, int year, decimal value, string comparator = "=") => new(name, "深圳市", year, value, null, "家", comparator, name);
        var parsed = new PlanExtraction("t", null, null, "深圳市", 2020, 2025, [T("乙", 2025, 20), T("甲", 2024, 10), T("多余", 2023, 1)], [], [], []);
        var reviewed = new PlanExtraction("t", null, null, "深圳市", 2020, 2025, [T("甲 企业数", 2024, 10.02m, "~"), T("乙 企业数", 2025, 20), T("漏掉", 2022, 5)], [], [], []);

        var confirmed = PlanImportReview.Confirm(parsed, reviewed);

        Assert.Equal(["乙 企业数", "甲 企业数", "漏掉"], confirmed.Targets.Select(t => t.Indicator));
        Assert.Equal("~", confirmed.Targets[1].Comparator);
        Assert.Equal(ExtractionScorer.Score(parsed, reviewed).Targets.Matched, PlanImportReview.Targets(parsed, reviewed).Matched.Count);
    }

    public static (PlanExtraction Parsed, PlanExtraction Gold) Load(string slug)
    {
        var folder = Path.Combine(AppPaths.SeedData, "plans");
        var parsed = PlanExtractor.Parse(File.ReadAllText(Path.Combine(folder, slug + ".txt")));
        var gold = PlanExtraction.Parse(File.ReadAllText(Path.Combine(folder, slug + ".json")));
        return (parsed, gold);
    }

    /// <summary>Rows only in gold or only in the parser's output (a pair sharing a quote is one row), and matched rows whose comparator, indicator wording, lead units or task heading differ.</summary>
    public static List<Difference> Compare(string slug, PlanExtraction parsed, PlanExtraction gold, out (int Targets, int Baselines, int Allocations, int Tasks) matched)
    {
        var rows = new List<Difference>();
        var targets = PlanImportReview.Targets(parsed, gold);
        foreach (var (p, g) in targets.Matched.Where(m => m.Parsed.Comparator != m.Reviewed.Comparator))
            rows.Add(new(slug, "目标比较符", Describe(g), Describe(p)));
        foreach (var (p, g) in targets.Matched.Where(m => m.Parsed.Indicator != m.Reviewed.Indicator))
            rows.Add(new(slug, "目标指标名称", g.Indicator, p.Indicator));
        AddUnmatched(rows, slug, "目标", targets.OnlyParsed, targets.OnlyReviewed, t => t.Quote, Describe);

        var baselines = PlanImportReview.Baselines(parsed, gold);
        foreach (var (p, g) in baselines.Matched.Where(m => m.Parsed.Indicator != m.Reviewed.Indicator))
            rows.Add(new(slug, "基数指标名称", g.Indicator, p.Indicator));
        AddUnmatched(rows, slug, "基数", baselines.OnlyParsed, baselines.OnlyReviewed, b => b.Quote, Describe);

        var allocations = PlanImportReview.Allocations(parsed, gold);
        foreach (var (p, g) in allocations.Matched.Where(m => m.Parsed.Indicator != m.Reviewed.Indicator).DistinctBy(m => (m.Parsed.Indicator, m.Reviewed.Indicator)))
            rows.Add(new(slug, "目标分解指标名称", g.Indicator, p.Indicator));
        AddUnmatched(rows, slug, "目标分解", allocations.OnlyParsed, allocations.OnlyReviewed, _ => null, Describe);

        var tasks = PlanImportReview.Tasks(parsed, gold);
        foreach (var (p, g) in tasks.Matched.Where(m => !PlanImportReview.UnitSet(m.Parsed.LeadUnits).SetEquals(PlanImportReview.UnitSet(m.Reviewed.LeadUnits))))
            rows.Add(new(slug, "牵头单位", Describe(g), Describe(p)));
        foreach (var (p, g) in tasks.Matched.Where(m => m.Parsed.Number != m.Reviewed.Number || m.Parsed.Title != m.Reviewed.Title))
            rows.Add(new(slug, "任务编号标题", $"{g.Number} {g.Title}", $"{p.Number} {p.Title}"));
        AddUnmatched(rows, slug, "任务", tasks.OnlyParsed, tasks.OnlyReviewed, t => t.Number + t.Title, Describe);

        matched = (targets.Matched.Count, baselines.Matched.Count, allocations.Matched.Count, tasks.Matched.Count);
        return rows;
    }

    private static void AddUnmatched<T>(List<Difference> rows, string slug, string kind, List<T> onlyParsed, List<T> onlyGold, Func<T, string?> quote, Func<T, string> describe)
    {
        var parsedLeft = onlyParsed.ToList();
        foreach (var g in onlyGold)
        {
            var key = PlanText.WithoutWhitespace(quote(g));
            var twin = key.Length == 0 ? -1 : parsedLeft.FindIndex(p => PlanText.WithoutWhitespace(quote(p)) == key);
            if (twin >= 0)
            {
                rows.Add(new(slug, kind, describe(g), describe(parsedLeft[twin])));
                parsedLeft.RemoveAt(twin);
            }
            else rows.Add(new(slug, kind, describe(g), "—"));
        }
        rows.AddRange(parsedLeft.Select(p => new Difference(slug, kind, "—", describe(p))));
    }

    private static string Describe(PlanExtraction.TargetItem t) =>
        $"{t.Year} {t.Region} {t.Indicator} {t.Comparator} {N(t.Value)}{(t.ValueMax is { } m ? "–" + N(m) : "")} {t.Unit}「{t.Quote}」";
    private static string Describe(PlanExtraction.BaselineItem b) => $"{b.Year} {b.Region} {b.Indicator} {N(b.Value)} {b.Unit}「{b.Quote}」";
    private static string Describe(PlanExtraction.AllocationItem a) => $"{a.Year} {a.Region} {a.Indicator} {N(a.Value)} {a.Unit}";
    private static string Describe(PlanExtraction.TaskItem t) =>
        $"{t.Number} {t.Title}：牵头 {string.Join("、", t.LeadUnits)}；单位 {string.Join("、", t.Units)}";

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "ClusterWatch.sln")))
                return Path.Combine(dir.FullName, "README.md");
        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The README with the table in its Extraction section replaced; explanations of rows that remain are kept.</summary>
    private static string WithTable(string readme, List<Difference> differences)
    {
        var start = readme.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        if (start < 0) { readme = readme.TrimEnd() + "\n\n" + Section + "\n\n"; start = readme.IndexOf("\n" + Section + "\n", StringComparison.Ordinal); }
        var body = readme[(start + Section.Length + 2)..];
        var next = body.IndexOf("\n## ", StringComparison.Ordinal);
        var sectionBody = next < 0 ? body : body[..next];
        var rest = next < 0 ? "" : body[next..];
        var lines = sectionBody.Split('\n').ToList();
        var old = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        var table = new StringBuilder().AppendLine(TableHeader).AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var d in differences)
        {
            var kept = old.FirstOrDefault(l => l.StartsWith(d.Key, StringComparison.Ordinal));
            table.AppendLine(kept ?? d.Key + "  |  |");
        }
        var first = lines.FindIndex(l => l.StartsWith("| ", StringComparison.Ordinal));
        var last = lines.FindLastIndex(l => l.StartsWith("| ", StringComparison.Ordinal));
        string newBody;
        if (first < 0) newBody = sectionBody.TrimEnd('\n') + "\n\n" + table + "\n";
        else newBody = string.Join('\n', lines.Take(first)) + "\n" + table.ToString().TrimEnd('\n') + "\n" + string.Join('\n', lines.Skip(last + 1));
        return readme[..(start + Section.Length + 2)] + newBody + rest;
    }
}
