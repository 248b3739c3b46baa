using ClusterWatch.Core.Enterprises.Credit;

namespace ClusterWatch.Tests.Enterprises;

/// <summary>The shipped scheme (base 80; A ≥ 90, B 75–89, C 60–74, D &lt; 60) scored by hand.</summary>
public class CreditScoringModelTests
{
    private static readonly CreditScoringModel Model = new(CreditScheme.Load(CreditScheme.DefaultPath));
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static long _nextId;

    private static CreditRecordFacts Record(string code, DateOnly? on = null, DateOnly? validUntil = null) =>
        new(Interlocked.Increment(ref _nextId), code, "事项 " + code, on ?? new DateOnly(2026, 1, 15), "文〔2026〕" + _nextId + "号", "某发布机关", validUntil);

    [Fact]
    public void A_sample_with_every_bonus_and_every_deduction_scores_the_hand_computed_23_points_and_grade_D()
    {
        var records = Model.Scheme.Indicators.Select(i => Record(i.Code)).ToList();

        var result = Model.Evaluate(records, AsOf);

        // Bonuses: qualification 5+4+3+3+2 = 17 capped at 15; social 1+2+2 = 5 (cap 5) → 20.
        // Deductions: compliance 30+15+5+5+2 = 57 capped at 40; punctuality 2+5+5 = 12; social 5; regulatory 10+4+4+2 = 20 → 77.
        Assert.Equal(80, result.BaseScore);
        Assert.Equal(20, result.Bonuses);
        Assert.Equal(77, result.Deductions);
        Assert.Equal(23, result.Score);
        Assert.Equal("D", result.Grade);
        Assert.Equal(Model.Scheme.Indicators.Count, result.Factors.Count);
        Assert.Equal(result.Score, result.BaseScore + result.Factors.Sum(f => f.CountedPoints));
        Assert.All(result.Factors, f => Assert.Contains(records, r => r.Id == f.RecordId && r.DocumentNo == f.DocumentNo && r.Issuer == f.Issuer && r.OccurredOn == f.OccurredOn));
    }

    [Fact]
    public void Within_a_dimension_the_largest_points_count_first_until_the_cap_and_the_rest_say_why_they_count_less()
    {
        var records = new[] { "CMP-SERIOUS-LIST", "CMP-PEN-SERIOUS", "CMP-PEN-GENERAL", "CMP-PEN-MINOR" }.Select(c => Record(c)).ToList();

        var result = Model.Evaluate(records, AsOf);

        var counted = result.Factors.ToDictionary(f => f.IndicatorCode, f => f.CountedPoints);
        Assert.Equal(-30, counted["CMP-SERIOUS-LIST"]);
        Assert.Equal(-10, counted["CMP-PEN-SERIOUS"]);
        Assert.Equal(0, counted["CMP-PEN-GENERAL"]);
        Assert.Equal(0, counted["CMP-PEN-MINOR"]);
        Assert.Equal(40, result.Deductions);
        Assert.Contains("只计 10 分", result.Factors.Single(f => f.IndicatorCode == "CMP-PEN-SERIOUS").Note);
        Assert.Contains("已用满", result.Factors.Single(f => f.IndicatorCode == "CMP-PEN-MINOR").Note);
        Assert.Null(result.Factors.Single(f => f.IndicatorCode == "CMP-SERIOUS-LIST").Note);
    }

    [Fact]
    public void Bonuses_beyond_the_qualification_cap_of_15_do_not_count()
    {
        var records = Enumerable.Range(0, 5).Select(_ => Record("QUA-HIGH-TECH")).ToList(); // 5 × 4 = 20

        var result = Model.Evaluate(records, AsOf);

        Assert.Equal(15, result.Bonuses);
        Assert.Equal(95, result.Score);
        Assert.Equal("A", result.Grade);
        Assert.Equal([4, 4, 4, 3, 0], result.Factors.Select(f => f.CountedPoints).ToArray());
    }

    [Fact]
    public void A_record_counts_through_the_last_day_of_its_window_and_not_the_day_after()
    {
        var penalty = Record("CMP-PEN-GENERAL", on: new DateOnly(2023, 3, 1)); // 3 years: through 2026-02-28

        var lastDay = Model.Evaluate([penalty], new DateOnly(2026, 2, 28));
        var dayAfter = Model.Evaluate([penalty], new DateOnly(2026, 3, 1));

        Assert.Equal(75, lastDay.Score);
        Assert.Equal(new DateOnly(2026, 2, 28), lastDay.Factors.Single().ValidUntil);
        Assert.Equal(80, dayAfter.Score);
        Assert.Empty(dayAfter.Factors);
        Assert.Equal(1, dayAfter.ExpiredRecords);
    }

    [Fact]
    public void The_next_change_is_the_day_after_the_first_counted_record_expires_or_the_day_a_future_record_starts()
    {
        var expiresFirst = Record("PUN-LATE-REPORT", on: new DateOnly(2025, 9, 1)); // through 2026-08-31
        var later = Record("PUN-TAX-ARREARS", on: new DateOnly(2026, 1, 1));
        var future = Record("QUA-GMP", on: new DateOnly(2026, 8, 15));

        Assert.Equal(new DateOnly(2026, 9, 1), Model.Evaluate([expiresFirst, later], AsOf).NextChangeOn);
        Assert.Equal(new DateOnly(2026, 8, 15), Model.Evaluate([expiresFirst, later, future], AsOf).NextChangeOn);
        Assert.Null(Model.Evaluate([], AsOf).NextChangeOn);
    }

    [Fact]
    public void A_record_valid_until_an_earlier_day_stops_counting_then_and_a_future_record_does_not_count_yet()
    {
        var repaired = Record("CMP-ABNORMAL", on: new DateOnly(2026, 1, 10), validUntil: new DateOnly(2026, 5, 31));
        var future = Record("REG-RECALL-I", on: AsOf.AddDays(1));

        var result = Model.Evaluate([repaired, future], AsOf);

        Assert.Empty(result.Factors);
        Assert.Equal(80, result.Score);
        Assert.Equal(1, result.ExpiredRecords);
    }

    [Theory]
    [InlineData(100, "A"), InlineData(90, "A"), InlineData(89, "B"), InlineData(75, "B"), InlineData(74, "C"), InlineData(60, "C"), InlineData(59, "D"), InlineData(0, "D")]
    public void Grade_bands_are_A_from_90_B_from_75_C_from_60_and_D_below(int score, string grade) =>
        Assert.Equal(grade, Model.Scheme.GradeOf(score));

    [Fact]
    public void Evaluated_scores_on_the_band_edges_get_the_band_grades()
    {
        Assert.Equal((90, "A"), Grade(Model.Evaluate([Record("QUA-HIGH-TECH"), Record("QUA-SRDI"), Record("QUA-AWARD")], AsOf)));
        Assert.Equal((75, "B"), Grade(Model.Evaluate([Record("PUN-TAX-ARREARS")], AsOf)));
        Assert.Equal((74, "C"), Grade(Model.Evaluate([Record("PUN-TAX-ARREARS"), Record("PUN-LATE-REPORT"), Record("SOC-DONATION")], AsOf)));
        Assert.Equal((59, "D"), Grade(Model.Evaluate([Record("CMP-PEN-SERIOUS"), Record("REG-RECALL-II"), Record("REG-LITIGATION")], AsOf)));
        static (int, string) Grade(CreditEvaluation e) => (e.Score, e.Grade);
    }

    [Fact]
    public void The_serious_violation_list_forces_grade_D_whatever_the_score_and_says_so()
    {
        var records = new[] { "CMP-SERIOUS-LIST", "QUA-LITTLE-GIANT", "QUA-HIGH-TECH", "QUA-SRDI", "QUA-AWARD", "SOC-EMPLOYMENT", "SOC-ENV-GOOD", "SOC-DONATION" }
            .Select(c => Record(c)).ToList();

        var result = Model.Evaluate(records, AsOf);

        Assert.Equal(70, result.Score); // 80 + 15 + 5 − 30
        Assert.Equal("C", Model.Scheme.GradeOf(result.Score));
        Assert.Equal("D", result.Grade);
        Assert.Contains("列入严重违法失信名单", result.GradeReason);
    }

    [Fact]
    public void The_score_does_not_fall_below_zero_when_every_dimension_is_at_its_deduction_cap()
    {
        var codes = new[] { "CMP-SERIOUS-LIST", "CMP-PEN-SERIOUS", "PUN-TAX-ARREARS", "PUN-TAX-ARREARS", "PUN-TAX-ARREARS", "PUN-TAX-ARREARS",
            "SOC-ENV-PENALTY", "SOC-ENV-PENALTY", "REG-RECALL-I", "REG-RECALL-I", "REG-RECALL-I" };

        var result = Model.Evaluate(codes.Select(c => Record(c)), AsOf);

        Assert.Equal(100, result.Deductions); // 40 + 20 + 10 + 30
        Assert.Equal(0, result.Score);
        Assert.Contains("按 0–100 分取值", result.GradeReason);
    }

    [Fact]
    public void A_scheme_with_an_indicator_in_an_unknown_dimension_is_rejected_with_its_code()
    {
        var json = File.ReadAllText(CreditScheme.DefaultPath).Replace("\"dimension\": \"regulatory\", \"name\": \"作为被告", "\"dimension\": \"nowhere\", \"name\": \"作为被告");

        var error = Assert.Throws<InvalidDataException>(() => CreditScheme.Parse(json));

        Assert.Contains("REG-LITIGATION", error.Message);
    }
}
