using ClusterWatch.Core.Analytics.Chains;

namespace ClusterWatch.Tests.Analytics.Chains;

public class ChainLocationQuotientTests
{
    [Fact]
    public void A_quotient_of_exactly_one_is_strong()
    {
        // (10 ÷ 40) ÷ (5 ÷ 20) = 0.25 ÷ 0.25 = 1
        var result = LocationQuotient.Classify(10, 40, 5, 20, 1.0m);
        Assert.Equal(1m, result.Value);
        Assert.Equal(LinkClass.Strong, result.Class);
        Assert.Contains("= 1.00", result.Rule);
        Assert.Contains("判为强", result.Rule);
    }

    [Fact]
    public void A_quotient_just_below_the_threshold_is_weak()
    {
        // (33 ÷ 100) ÷ (1 ÷ 3) = 0.99
        var result = LocationQuotient.Classify(33, 100, 1, 3, 1.0m);
        Assert.Equal(0.99m, result.Value);
        Assert.Equal(LinkClass.Weak, result.Class);
        Assert.Contains("判为弱", result.Rule);
    }

    [Fact]
    public void The_threshold_is_compared_exactly_not_after_rounding()
    {
        // (2 ÷ 3) ÷ (2 ÷ 3) = 1 exactly, although each share is a repeating decimal.
        Assert.Equal(LinkClass.Strong, LocationQuotient.Classify(2, 3, 2, 3, 1.0m).Class);
        // 1.2 threshold: (6 ÷ 10) ÷ (1 ÷ 2) = 1.2 → strong; (59 ÷ 100) ÷ (1 ÷ 2) = 1.18 → weak.
        Assert.Equal(LinkClass.Strong, LocationQuotient.Classify(6, 10, 1, 2, 1.2m).Class);
        Assert.Equal(LinkClass.Weak, LocationQuotient.Classify(59, 100, 1, 2, 1.2m).Class);
    }

    [Fact]
    public void A_region_without_any_enterprise_in_the_link_is_missing()
    {
        var result = LocationQuotient.Classify(0, 40, 5, 20, 1.0m);
        Assert.Equal(LinkClass.Missing, result.Class);
        Assert.Equal(0m, result.Value);
        Assert.Contains("没有企业（0 家）", result.Rule);
    }

    [Fact]
    public void Missing_wins_even_when_the_benchmark_has_none_either()
    {
        var result = LocationQuotient.Classify(0, 40, 0, 20, 1.0m);
        Assert.Equal(LinkClass.Missing, result.Class);
        Assert.Null(result.Value);
    }

    [Fact]
    public void A_benchmark_without_enterprises_in_the_link_leaves_no_quotient_and_the_region_strong()
    {
        var result = LocationQuotient.Classify(3, 40, 0, 20, 1.0m, "名录");
        Assert.Null(result.Value);
        Assert.Equal(LinkClass.Strong, result.Class);
        Assert.Contains("名录在该环节没有企业，区位熵无法计算", result.Rule);
    }

    [Fact]
    public void The_rule_shows_the_counts_and_the_threshold()
    {
        var result = LocationQuotient.Classify(12, 80, 30, 150, 1.0m, "名录");
        Assert.Equal(0.75m, result.Value);
        Assert.Equal("区位熵 =（本地区该环节 12 家 ÷ 本地区该链 80 家）÷（名录该环节 30 家 ÷ 名录该链 150 家） = 0.15 ÷ 0.20 = 0.75；区位熵 ≥ 1.00 为强，低于 1.00 为弱，本地区没有企业为缺失，判为弱。", result.Rule);
    }

    [Fact]
    public void A_weak_quotient_that_rounds_to_the_threshold_is_shown_with_four_decimals()
    {
        // (18 ÷ 28) ÷ (80 ÷ 124) = 0.99642…: "1.00" beside 弱 would contradict the rule.
        var result = LocationQuotient.Classify(18, 28, 80, 124, 1.0m);
        Assert.Equal(LinkClass.Weak, result.Class);
        Assert.Equal("0.9964", result.Text);
        Assert.Contains("= 0.9964；", result.Rule);
        Assert.Equal("1.00", LocationQuotient.Classify(10, 40, 5, 20, 1.0m).Text);
    }

    [Fact]
    public void Counts_larger_in_the_link_than_in_the_chain_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LocationQuotient.Classify(5, 4, 1, 2, 1m));
    }
}
