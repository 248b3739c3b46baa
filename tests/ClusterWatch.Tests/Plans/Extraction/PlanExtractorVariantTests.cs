using System.Text;
using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>The seeds written differently (wrapped at another width, headings restored) must extract the same:
/// the parser reads the layout of a genre, not the layout of five files.</summary>
public sealed class PlanExtractorVariantTests
{
    public static TheoryData<string, int, bool> Rewrapped() => new()
    {
        { "guangdong-biomed-health-cluster-2021-2025", 24, false },
        { "guangdong-biomed-health-cluster-2021-2025", 55, true },
        { "guangzhou-biomed-action-2018-2020", 33, true },
        { "shenzhen-biomed-cluster-2020-2025", 40, false },
        { "shenzhen-biomed-cluster-2020-2025", 55, true },
    };

    [Theory]
    [MemberData(nameof(Rewrapped))]
    public void A_seed_hard_wrapped_at_another_width_scores_as_well_as_the_original(string slug, int width, bool blankLineAfterEach)
    {
        var text = Rewrap(Unwrap(SeedDocuments.Text(slug)), width, blankLineAfterEach);

        var score = ExtractionScorer.Score(PlanExtractor.Parse(text), SeedDocuments.Gold(slug));

        foreach (var (category, s) in score.Categories) Assert.True(s.F1 >= 0.95, $"{slug} at width {width}: {category} {s}");
    }

    [Fact]
    public void The_work_plan_with_its_level_one_headings_restored_numbers_its_tasks_as_the_rebuilt_ones()
    {
        const string slug = "shenzhen-bio-internet-newenergy-workplan-2010-2012";
        var lines = SeedDocuments.Text(slug).Replace("\r", "").Split('\n');
        var restored = new StringBuilder();
        var section = 0;
        var afterNotice = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("　　根据《", StringComparison.Ordinal)) afterNotice = true;
            if (afterNotice && line.Trim().Length == 0 && section < 10)
            {
                section++;
                restored.Append("一二三四五六七八九十"[section - 1]).Append("、工作部分").Append(section).Append('\n');
                continue;
            }
            restored.Append(line).Append('\n');
        }

        var fromRestored = PlanExtractor.Parse(restored.ToString());
        var fromOriginal = PlanExtractor.Parse(SeedDocuments.Text(slug));

        Assert.Equal(10, section);
        Assert.Equal(fromOriginal.Tasks.Select(t => t.Number), fromRestored.Tasks.Select(t => t.Number));
        Assert.Equal(SeedDocuments.Gold(slug).Tasks.Select(t => t.Number), fromRestored.Tasks.Select(t => t.Number));
        Assert.Equal(1, ExtractionScorer.Score(fromRestored, SeedDocuments.Gold(slug)).Targets.F1, 3);
    }

    /// <summary>Joins a hard-wrapped text back to one paragraph per line.</summary>
    private static string Unwrap(string text)
    {
        var builder = new StringBuilder();
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            builder.Append(line);
            if (line.Length < 26 || line.EndsWith('。')) builder.Append('\n');
        }
        return builder.ToString();
    }

    private static string Rewrap(string text, int width, bool blankLineAfterEach)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in text.Split('\n'))
        {
            var p = paragraph.Trim();
            for (var i = 0; i < p.Length; i += width)
            {
                builder.Append(p, i, Math.Min(width, p.Length - i)).Append('\n');
                if (blankLineAfterEach) builder.Append('\n');
            }
        }
        return builder.ToString();
    }
}
