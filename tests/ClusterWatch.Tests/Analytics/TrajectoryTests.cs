using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Tests.Analytics;

public class TrajectoryTests
{
    [Fact]
    public void Amounts_grow_compound_so_halfway_in_time_is_the_geometric_mean()
    {
        // 100 × (400/100)^(1/2) = 100 × 2 = 200, whereas a straight line would give 250.
        Assert.Equal(200m, Trajectory.Expected(100m, 2010, 400m, 2012, 2011, IndicatorKind.Amount));
    }

    [Fact]
    public void Compound_path_of_the_2009_plan_matches_the_hand_computed_value()
    {
        // 358.5 × (900/358.5)^(3/4): ln 2.51046 = 0.920466, × 0.75 = 0.690350, e^0.690350 = 1.994413, × 358.5 = 714.9969.
        Assert.Equal(714.9969m, Trajectory.Expected(358.5m, 2008, 900m, 2012, 2011, IndicatorKind.Amount));
    }

    [Fact]
    public void Counts_follow_a_straight_line()
    {
        // 10 + (30 − 10) × 2/5 = 18.
        Assert.Equal(18m, Trajectory.Expected(10m, 2010, 30m, 2015, 2012, IndicatorKind.Count));
    }

    [Fact]
    public void Ratios_follow_a_straight_line()
    {
        // 2 + (5 − 2) × 1/3 = 3.
        Assert.Equal(3m, Trajectory.Expected(2m, 2010, 5m, 2013, 2011, IndicatorKind.Ratio));
    }

    [Theory]
    [InlineData(2005)]
    [InlineData(2010)]
    public void Years_up_to_the_baseline_year_expect_the_baseline(int year)
    {
        Assert.Equal(100m, Trajectory.Expected(100m, 2010, 400m, 2012, year, IndicatorKind.Amount));
    }

    [Theory]
    [InlineData(2012)]
    [InlineData(2020)]
    public void Years_from_the_target_year_on_expect_the_target(int year)
    {
        Assert.Equal(400m, Trajectory.Expected(100m, 2010, 400m, 2012, year, IndicatorKind.Amount));
    }

    [Fact]
    public void Baseline_in_the_target_year_expects_the_baseline_before_and_the_target_from_that_year()
    {
        Assert.Equal(100m, Trajectory.Expected(100m, 2012, 400m, 2012, 2011, IndicatorKind.Amount));
        Assert.Equal(400m, Trajectory.Expected(100m, 2012, 400m, 2012, 2012, IndicatorKind.Amount));
    }

    [Fact]
    public void Zero_baseline_for_an_amount_falls_back_to_a_straight_line_and_says_so()
    {
        var path = Trajectory.Path(0m, 2010, 100m, 2020, IndicatorKind.Amount);
        // 0 + 100 × 5/10 = 50; compound growth from 0 is undefined.
        Assert.Equal(50m, path.ExpectedAt(2015));
        Assert.Equal(TrajectoryShape.Linear, path.Shape);
        Assert.True(path.FellBackToLinear);
        Assert.Contains("无法按复合增长计算", path.ShapeLabel);
    }

    [Fact]
    public void Zero_target_for_an_amount_falls_back_to_a_straight_line()
    {
        // 100 + (0 − 100) × 1/4 = 75.
        var path = Trajectory.Path(100m, 2010, 0m, 2014, IndicatorKind.Amount);
        Assert.True(path.FellBackToLinear);
        Assert.Equal(75m, path.ExpectedAt(2011));
    }

    [Fact]
    public void Negative_baseline_for_an_amount_falls_back_to_a_straight_line()
    {
        // −10 + (30 − (−10)) × 1/2 = 10.
        Assert.Equal(10m, Trajectory.Expected(-10m, 2010, 30m, 2012, 2011, IndicatorKind.Amount));
    }

    [Fact]
    public void Decreasing_amounts_shrink_compound()
    {
        // 400 × (100/400)^(1/2) = 400 × 0.5 = 200.
        Assert.Equal(200m, Trajectory.Expected(400m, 2010, 100m, 2012, 2011, IndicatorKind.Amount));
    }

    [Fact]
    public void Stated_baseline_is_preferred_over_actuals()
    {
        var choice = Trajectory.ChooseBaseline(358.5m, 2008, 2009, new Dictionary<int, decimal> { [2008] = 300m });
        Assert.Equal(new BaselineChoice(358.5m, 2008, BaselineOrigin.Stated), choice);
    }

    [Fact]
    public void Without_a_stated_baseline_the_actual_of_the_year_before_the_plan_starts_is_used()
    {
        var choice = Trajectory.ChooseBaseline(null, null, 2011, new Dictionary<int, decimal> { [2009] = 5m, [2010] = 7m, [2011] = 9m });
        Assert.Equal(new BaselineChoice(7m, 2010, BaselineOrigin.ActualBeforeStart), choice);
        Assert.Contains("规划起始年前一年", choice!.Describe());
    }

    [Fact]
    public void Without_a_stated_baseline_or_an_actual_before_the_start_the_earliest_actual_is_used()
    {
        var choice = Trajectory.ChooseBaseline(null, null, 2011, new Dictionary<int, decimal> { [2013] = 9m, [2012] = 8m });
        Assert.Equal(new BaselineChoice(8m, 2012, BaselineOrigin.EarliestActual), choice);
        Assert.Contains("最早的实际值", choice!.Describe());
    }

    [Fact]
    public void Without_a_stated_baseline_or_any_actual_there_is_no_baseline()
    {
        Assert.Null(Trajectory.ChooseBaseline(null, null, 2011, new Dictionary<int, decimal>()));
    }
}
