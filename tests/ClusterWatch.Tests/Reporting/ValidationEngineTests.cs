using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Reporting;

public class ValidationEngineTests
{
    private static ValidationRule Rule(string left, RuleOperator op, string right, MissingValueStrategy missing = MissingValueStrategy.SkipIfAnyMissing, decimal? tolerance = null) =>
        new() { Name = "规则", Left = left, Operator = op, Right = right, MissingValues = missing, Tolerance = tolerance, Message = "违反规则", Importance = RuleImportance.Blocking };

    private static RuleValues Values(params (string Name, decimal Value)[] values) => new(values.ToDictionary(v => v.Name, v => v.Value));

    [Theory]
    [InlineData(RuleOperator.Equal, 5, 5, true)]
    [InlineData(RuleOperator.Equal, 5, 6, false)]
    [InlineData(RuleOperator.NotEqual, 5, 6, true)]
    [InlineData(RuleOperator.NotEqual, 5, 5, false)]
    [InlineData(RuleOperator.Less, 4, 5, true)]
    [InlineData(RuleOperator.Less, 5, 5, false)]
    [InlineData(RuleOperator.LessOrEqual, 5, 5, true)]
    [InlineData(RuleOperator.LessOrEqual, 6, 5, false)]
    [InlineData(RuleOperator.Greater, 6, 5, true)]
    [InlineData(RuleOperator.Greater, 5, 5, false)]
    [InlineData(RuleOperator.GreaterOrEqual, 5, 5, true)]
    [InlineData(RuleOperator.GreaterOrEqual, 4, 5, false)]
    public void Each_comparison_operator_holds_or_breaks(RuleOperator op, int a, int b, bool holds)
    {
        var violation = ValidationEngine.Check(Rule("#{甲}", op, "#{乙}"), Values(("甲", a), ("乙", b)));
        Assert.Equal(holds, violation is null);
        if (violation is not null) Assert.Equal("甲", violation.Field);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Compulsory_pair_needs_both_or_neither(bool hasA, bool hasB, bool holds)
    {
        var values = new Dictionary<string, decimal>();
        if (hasA) values["甲"] = 1;
        if (hasB) values["乙"] = 2;
        Assert.Equal(holds, ValidationEngine.Check(Rule("#{甲}", RuleOperator.CompulsoryPair, "#{乙}"), new RuleValues(values)) is null);
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, true)]
    public void Exclusive_pair_forbids_both(bool hasA, bool hasB, bool holds)
    {
        var values = new Dictionary<string, decimal>();
        if (hasA) values["甲"] = 1;
        if (hasB) values["乙"] = 2;
        Assert.Equal(holds, ValidationEngine.Check(Rule("#{甲}", RuleOperator.ExclusivePair, "#{乙}"), new RuleValues(values)) is null);
    }

    [Fact]
    public void Skip_if_any_missing_skips_when_one_value_of_a_side_is_missing()
    {
        var rule = Rule("#{甲} + #{乙}", RuleOperator.Greater, "100", MissingValueStrategy.SkipIfAnyMissing);
        Assert.Null(ValidationEngine.Check(rule, Values(("甲", 1))));
        Assert.NotNull(ValidationEngine.Check(rule, Values(("甲", 1), ("乙", 2))));
    }

    [Fact]
    public void Skip_if_all_missing_evaluates_with_missing_as_zero_while_one_value_is_there()
    {
        var rule = Rule("#{甲} + #{乙}", RuleOperator.Greater, "100", MissingValueStrategy.SkipIfAllMissing);
        Assert.NotNull(ValidationEngine.Check(rule, Values(("甲", 1))));
        Assert.Null(ValidationEngine.Check(rule, Values(("丙", 1))));
    }

    [Fact]
    public void Never_skip_treats_missing_values_as_zero()
    {
        var rule = Rule("#{甲} + #{乙}", RuleOperator.Greater, "100", MissingValueStrategy.NeverSkip);
        var violation = ValidationEngine.Check(rule, Values(("丙", 1)));
        Assert.NotNull(violation);
        Assert.Equal(0m, violation.Left);
    }

    [Fact]
    public void Districts_sum_equals_the_city_total_within_one_percent()
    {
        var rule = Rule("sum(district:#{生物产业规模})", RuleOperator.Equal, "#{生物产业规模}", tolerance: 0.01m);
        IReadOnlyList<IReadOnlyDictionary<string, decimal>> districts = [new Dictionary<string, decimal> { ["生物产业规模"] = 600 }, new Dictionary<string, decimal> { ["生物产业规模"] = 395 }];
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["生物产业规模"] = 1000 }, districts: districts)));
        Assert.NotNull(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["生物产业规模"] = 1020 }, districts: districts)));
    }

    [Fact]
    public void A_district_value_above_the_city_value_breaks_a_rule_naming_at_city()
    {
        var rule = Rule("#{生物产业规模}", RuleOperator.LessOrEqual, "#{生物产业规模}@city");
        var city = new Dictionary<string, decimal> { ["生物产业规模"] = 500 };
        Assert.NotNull(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["生物产业规模"] = 600 }, city: city)));
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["生物产业规模"] = 400 }, city: city)));
    }

    [Fact]
    public void Quarter_on_quarter_change_above_thirty_percent_is_caught_against_the_previous_period()
    {
        var rule = Rule("abs(#{X} - #{X}[previous])", RuleOperator.LessOrEqual, "0.3 * #{X}[previous]");
        Assert.NotNull(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["X"] = 140 }, new Dictionary<string, decimal> { ["X"] = 100 })));
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["X"] = 125 }, new Dictionary<string, decimal> { ["X"] = 100 })));
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["X"] = 999 }))); // no previous period: skipped
    }

    [Fact]
    public void Cumulative_values_may_drop_from_december_to_march_but_not_within_a_year()
    {
        var rule = Rule("#{累计}", RuleOperator.GreaterOrEqual, "#{累计}[previous_in_year]");
        var now = new Dictionary<string, decimal> { ["累计"] = 10 };
        var before = new Dictionary<string, decimal> { ["累计"] = 50 };
        Assert.NotNull(ValidationEngine.Check(rule, new RuleValues(now, before, previousIsSameYear: true)));
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(now, before, previousIsSameYear: false)));
    }

    [Fact]
    public void Task_percent_never_goes_backwards_and_ranges_are_blocking()
    {
        var violations = ValidationEngine.Validate([new FieldSpec("产值", "亿元", 0, 1000)], [], Values(("产值", 2000)),
            [new TaskLine(7, "建设平台", TaskProgress.InProgress, 40, null, 60)]);
        Assert.Contains(violations, v => v.Field == "产值" && v.Importance == RuleImportance.Blocking && v.Message.Contains("0 至 1000"));
        Assert.Contains(violations, v => v.Field == "task:7" && v.Importance == RuleImportance.Blocking && v.Message.Contains("60%"));
    }

    [Theory]
    [InlineData("#{甲} +", "不完整")]
    [InlineData("#{甲", "}")]
    [InlineData("eval(1)", "未知函数")]
    [InlineData("#{甲}[next]", "previous")]
    [InlineData("1 ; drop", "无法识别")]
    [InlineData("", "为空")]
    public void Malformed_expressions_are_rejected_with_a_chinese_message(string text, string expected)
    {
        var error = Assert.Throws<RuleExpressionException>(() => RuleExpression.Parse(text));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Arithmetic_follows_precedence_and_division_by_zero_skips_the_rule()
    {
        Assert.Null(ValidationEngine.Check(Rule("2 + 3 * 4", RuleOperator.Equal, "14"), Values()));
        Assert.NotNull(ValidationEngine.Check(Rule("(2 + 3) * 4", RuleOperator.Equal, "14"), Values()));
        Assert.Null(ValidationEngine.Check(Rule("#{甲} / #{乙}", RuleOperator.Greater, "1000"), Values(("甲", 1), ("乙", 0))));
    }

    [Fact]
    public void A_change_above_thirty_percent_needs_an_explanation_before_it_may_be_submitted()
    {
        var rule = new ValidationRule { Name = "环比", Left = "#{产值}", Operator = RuleOperator.LessOrEqual, Right = "1.3 * #{产值}[previous]",
            Importance = RuleImportance.RequiresExplanation, Message = "产值环比增幅超过 30%" };
        var values = new RuleValues(new Dictionary<string, decimal> { ["产值"] = 140 }, new Dictionary<string, decimal> { ["产值"] = 100 });
        Assert.Null(ValidationEngine.Check(rule, new RuleValues(new Dictionary<string, decimal> { ["产值"] = 130 }, new Dictionary<string, decimal> { ["产值"] = 100 })));

        var unexplained = Assert.Single(SubmissionService.Explain([ValidationEngine.Check(rule, values)!], new Dictionary<string, string>()));
        Assert.True(unexplained.StopsSubmit);
        Assert.Contains("「产值」的变动说明", unexplained.Message);

        var explained = Assert.Single(SubmissionService.Explain([ValidationEngine.Check(rule, values)!], new Dictionary<string, string> { ["产值"] = "新项目投产" }));
        Assert.False(explained.StopsSubmit);
        Assert.Equal("新项目投产", explained.Explanation);
    }
}
