using ClusterWatch.Core.Plans.Extraction;
using Xunit.Abstractions;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>The parser scored against the hand-checked gold extractions with the contract's Scoring rules.</summary>
public sealed class PlanExtractorScoreTests(ITestOutputHelper output)
{
    private const double RequiredF1 = 0.95;

    public static TheoryData<string> Documents() => new(SeedDocuments.Slugs);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_seed_document_scores_at_least_095_F1_in_every_category(string slug)
    {
        var predicted = PlanExtractor.Parse(SeedDocuments.Text(slug));
        var score = ExtractionScorer.Score(predicted, SeedDocuments.Gold(slug));

        output.WriteLine(slug);
        foreach (var (category, s) in score.Categories) output.WriteLine($"  {category,-12} {s}");
        foreach (var (category, s) in score.Categories)
            Assert.True(s.F1 >= RequiredF1, $"{slug} {category}: {s}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_seed_document_gets_its_gold_title_issuer_number_region_and_period(string slug)
    {
        var predicted = PlanExtractor.Parse(SeedDocuments.Text(slug));
        var gold = SeedDocuments.Gold(slug);

        Assert.Equal(gold.Title, predicted.Title);
        Assert.Equal(gold.Issuer, predicted.Issuer);
        Assert.Equal(gold.DocNumber, predicted.DocNumber);
        Assert.Equal(gold.Region, predicted.Region);
        Assert.Equal((gold.PeriodStart, gold.PeriodEnd), (predicted.PeriodStart, predicted.PeriodEnd));
    }

    [Fact]
    public void The_scorer_counts_each_gold_item_once_and_tolerates_half_a_percent()
    {
        PlanExtraction.TargetItem Target(decimal value, decimal? max = null) => new("x", "深圳市", 2025, value, max, "亿元", "=", null);
        PlanExtraction With(params PlanExtraction.TargetItem[] targets) => new("t", null, null, "深圳市", null, null, [.. targets], [], [], []);

        var score = ExtractionScorer.Score(With(Target(100.4m), Target(100m), Target(1, 2)), With(Target(100m), Target(1, 3)));

        Assert.Equal(1, score.Targets.Matched);
        Assert.Equal(1.0 / 3, score.Targets.Precision, 6);
        Assert.Equal(0.5, score.Targets.Recall, 6);
        Assert.Equal(1, score.Baselines.F1);
    }

    [Fact]
    public void The_scorer_matches_tasks_on_unit_sets_without_spaces_and_scores_leads_on_matched_tasks()
    {
        PlanExtraction With(params PlanExtraction.TaskItem[] tasks) => new("t", null, null, "深圳市", null, null, [], [], [.. tasks], []);
        var gold = With(new("一", "a", ["市发展改革委"], ["市发展改革委", "市科技创新委"]), new("二", "b", ["市财政局"], ["市财政局"]));
        var predicted = With(new("1", "x", ["市科技创新委"], ["市科技创新委", "市发展 改革委"]), new("2", "y", ["市教育局"], ["市教育局"]));

        var score = ExtractionScorer.Score(predicted, gold);

        Assert.Equal(1, score.Tasks.Matched);
        Assert.Equal(0.5, score.Tasks.F1, 6);
        Assert.Equal(0, score.LeadUnits.Matched);
    }
}
