using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Analytics;

public class AssessmentScorerTests
{
    private static readonly WeightedKind[] AllSix =
    [
        new(AssessmentKind.TargetCompletion, 25), new(AssessmentKind.AllocationCompletion, 20), new(AssessmentKind.TaskCompletion, 20),
        new(AssessmentKind.ReportTimeliness, 15), new(AssessmentKind.ReportCompleteness, 10), new(AssessmentKind.DataQuality, 10),
    ];

    private static ReportItem Report(UnitReportState state, bool accepted = false, bool returned = false, bool warnings = false) =>
        new("季报", "2024Q1", state, accepted, returned, warnings);

    private static UnitInputs District(int id, string name, IReadOnlyList<CompletionItem>? targets = null, IReadOnlyList<CompletionItem>? allocations = null,
        IReadOnlyList<TaskItem>? tasks = null, IReadOnlyList<ReportItem>? reports = null) =>
        new(id, name, PeerGroup.District, targets ?? [], allocations ?? [], tasks ?? [], reports ?? []);

    [Fact]
    public void Every_indicator_is_scored_from_its_hand_computed_share_and_weighted_to_the_total()
    {
        var unit = District(1, "甲区政府",
            targets: [new("规模", 120m), new("企业数", 60m)],                     // min(120,100)=100, 60 → mean 80
            allocations: [new("规模分解", 50m), new("无数据", null)],             // 50 (the one without data is left out)
            tasks: [new("任务一", PlanTaskStatus.Done), new("任务二", PlanTaskStatus.InProgress), new("任务三", PlanTaskStatus.Lagging), new("任务四", PlanTaskStatus.NotStarted)],
            reports:
            [
                Report(UnitReportState.OnTime, accepted: true),                       // on time, clean
                Report(UnitReportState.OnTime, accepted: true, warnings: true),       // on time, but warnings
                Report(UnitReportState.Late, accepted: true),                         // late, clean
                Report(UnitReportState.Returned, returned: true),                     // returned
                Report(UnitReportState.Missing),
            ]);

        var score = AssessmentScorer.Score(unit, AllSix)!;

        var byKind = score.Breakdown.ToDictionary(b => b.Kind);
        Assert.Equal(80m, byKind[AssessmentKind.TargetCompletion].Score);
        Assert.Equal(90m, byKind[AssessmentKind.TargetCompletion].RawValue);    // uncapped mean (120 + 60) / 2
        Assert.Equal(50m, byKind[AssessmentKind.AllocationCompletion].Score);
        Assert.Equal(37.5m, byKind[AssessmentKind.TaskCompletion].Score);      // (1 + 0.5) / 4
        Assert.Equal(40m, byKind[AssessmentKind.ReportTimeliness].Score);      // 2 of 5 on time
        Assert.Equal(60m, byKind[AssessmentKind.ReportCompleteness].Score);    // 3 of 5 submitted
        Assert.Equal(50m, byKind[AssessmentKind.DataQuality].Score);           // 2 clean of 4 ever submitted
        // 80×.25 + 50×.20 + 37.5×.20 + 40×.15 + 60×.10 + 50×.10 = 20 + 10 + 7.5 + 6 + 6 + 5
        Assert.Equal(54.5m, score.Score);
        Assert.Equal(7.5m, byKind[AssessmentKind.TaskCompletion].Points);
        Assert.Contains("(1 + 1 × 0.5) ÷ 4 = 37.5%", byKind[AssessmentKind.TaskCompletion].Explanation);
        Assert.Contains("另有 1 项无数据未计入", byKind[AssessmentKind.AllocationCompletion].Explanation);
    }

    [Fact]
    public void Non_applicable_indicators_are_dropped_and_the_remaining_weights_renormalised_to_100()
    {
        // A department: no allocations and no targets, so only tasks (20) and the three report indicators (35) remain: 55 points re-scaled to 100.
        var unit = new UnitInputs(7, "市科技局", PeerGroup.Department, [], [],
            [new TaskItem("任务", PlanTaskStatus.Done)],
            [Report(UnitReportState.OnTime, accepted: true), Report(UnitReportState.Missing)]);

        var score = AssessmentScorer.Score(unit, AllSix)!;

        var byKind = score.Breakdown.ToDictionary(b => b.Kind);
        Assert.False(byKind[AssessmentKind.TargetCompletion].Applicable);
        Assert.False(byKind[AssessmentKind.AllocationCompletion].Applicable);
        Assert.Equal(0m, byKind[AssessmentKind.AllocationCompletion].Points);
        Assert.Contains("按比例分配给其余指标", byKind[AssessmentKind.AllocationCompletion].Explanation);
        Assert.Equal(36.36m, byKind[AssessmentKind.TaskCompletion].EffectiveWeight);   // 20 × 100 / 55
        Assert.Equal([36.36m, 27.27m, 18.18m, 18.18m], byKind.Values.Where(b => b.Applicable).Select(b => b.EffectiveWeight).ToArray());
        // tasks 100, timeliness 50, completeness 50, quality 100 (1 of 1 submitted is clean): (100×20 + 50×15 + 50×10 + 100×10) / 55
        Assert.Equal(Math.Round((100m * 20 + 50m * 15 + 50m * 10 + 100m * 10) / 55m, 2), score.Score);
        Assert.Contains("调整为 36.36 分", byKind[AssessmentKind.TaskCompletion].Explanation);
    }

    [Fact]
    public void A_unit_to_which_no_indicator_applies_gets_no_score()
    {
        Assert.Null(AssessmentScorer.Score(District(3, "丙区政府"), AllSix));
    }

    [Fact]
    public void Completion_above_the_target_counts_as_100_and_below_zero_as_0()
    {
        var score = AssessmentScorer.Score(District(1, "甲区政府", targets: [new("超额", 250m), new("倒退", -40m)]), [new(AssessmentKind.TargetCompletion, 100)])!;
        Assert.Equal(50m, score.Score);
    }

    [Fact]
    public void Tied_scores_share_a_rank_and_the_next_rank_skips_with_ties_listed_by_name()
    {
        UnitScore S(int id, string name, decimal score) => new(id, name, PeerGroup.District, score, []);
        var ranked = AssessmentScorer.Rank([S(1, "乙区政府", 90), S(2, "甲区政府", 90), S(3, "丙区政府", 80), S(4, "丁区政府", 95)]);

        // The tie is listed by name in ordinal order: 乙 (U+4E59) before 甲 (U+7532).
        Assert.Equal([(4, 1), (1, 2), (2, 2), (3, 4)], ranked.Select(r => (r.UnitId, r.Rank)).ToArray());
    }

    [Fact]
    public void Standard_competition_ranking_gives_1_1_3()
    {
        UnitScore S(int id, decimal score) => new(id, $"单位{id}", PeerGroup.Department, score, []);
        var ranked = AssessmentScorer.Rank([S(1, 70), S(2, 70), S(3, 60)]);
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank).ToArray());
    }

    [Fact]
    public void Districts_and_departments_are_ranked_separately_and_never_mixed()
    {
        var ranked = AssessmentScorer.Rank(
        [
            new UnitScore(1, "甲区政府", PeerGroup.District, 50, []), new UnitScore(2, "市科技局", PeerGroup.Department, 99, []),
            new UnitScore(3, "乙区政府", PeerGroup.District, 60, []), new UnitScore(4, "市商务局", PeerGroup.Department, 10, []),
        ]);
        Assert.Equal([(3, 1), (1, 2)], ranked.Where(r => r.Group == PeerGroup.District).Select(r => (r.UnitId, r.Rank)).ToArray());
        Assert.Equal([(2, 1), (4, 2)], ranked.Where(r => r.Group == PeerGroup.Department).Select(r => (r.UnitId, r.Rank)).ToArray());
    }

    [Fact]
    public void Change_is_measured_against_the_previous_period_in_score_and_rank()
    {
        var ranked = AssessmentScorer.Rank(
            [new UnitScore(1, "甲区政府", PeerGroup.District, 80, []), new UnitScore(2, "乙区政府", PeerGroup.District, 70, []), new UnitScore(3, "丙区政府", PeerGroup.District, 60, [])],
            new Dictionary<int, (decimal, int)> { [1] = (65m, 3), [2] = (75.5m, 1) });
        var first = ranked.Single(r => r.UnitId == 1);
        Assert.Equal((65m, 3, 15m, 2), (first.PreviousScore!.Value, first.PreviousRank!.Value, first.Change!.Value, first.RankChange!.Value));
        var second = ranked.Single(r => r.UnitId == 2);
        Assert.Equal((-5.5m, -1), (second.Change!.Value, second.RankChange!.Value));
        Assert.Null(ranked.Single(r => r.UnitId == 3).Change);
    }

    [Theory]
    [InlineData(UnitKind.DistrictGovernment, PeerGroup.District)]
    [InlineData(UnitKind.Department, PeerGroup.Department)]
    public void District_governments_and_departments_have_a_peer_group(UnitKind kind, PeerGroup group) =>
        Assert.Equal(group, AssessmentScorer.PeerGroupOf(kind));

    [Theory]
    [InlineData(UnitKind.Collective)]
    [InlineData(UnitKind.Other)]
    public void Collective_and_other_units_are_not_ranked(UnitKind kind) => Assert.Null(AssessmentScorer.PeerGroupOf(kind));

    [Fact]
    public void Weights_not_summing_to_100_are_rejected_with_the_sum()
    {
        var errors = AssessmentScorer.CheckWeights([new(AssessmentKind.TargetCompletion, 60), new(AssessmentKind.TaskCompletion, 35)]);
        Assert.Equal(["各指标权重之和应为 100 分，当前为 95 分。"], errors);
        Assert.Empty(AssessmentScorer.CheckWeights([new(AssessmentKind.TargetCompletion, 62.5m), new(AssessmentKind.TaskCompletion, 37.5m)]));
    }

    [Fact]
    public void Duplicate_kinds_and_non_positive_weights_are_rejected()
    {
        var errors = AssessmentScorer.CheckWeights([new(AssessmentKind.DataQuality, 100), new(AssessmentKind.DataQuality, 0)]);
        Assert.Contains(errors, e => e.Contains("重复"));
        Assert.Contains(errors, e => e.Contains("应大于 0"));
    }
}
