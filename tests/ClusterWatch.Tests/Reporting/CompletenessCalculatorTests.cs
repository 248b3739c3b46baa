using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Reporting;

public class CompletenessCalculatorTests
{
    [Fact]
    public void Counts_on_time_late_returned_and_missing_units_and_their_rates()
    {
        var calendar = new ReportingCalendar(new CalendarRules(PeriodType.Quarter));
        var period = calendar.Parse("2025Q3")!;
        var china = TimeSpan.FromHours(8);
        ExpectedUnit[] expected = [new(1, "甲区"), new(2, "乙区"), new(3, "丙区"), new(4, "丁区"), new(5, "戊区")];
        UnitSubmission[] submissions =
        [
            new(1, SubmissionStatus.Accepted, new DateTimeOffset(2025, 10, 9, 12, 0, 0, china), 11),
            new(2, SubmissionStatus.Submitted, new DateTimeOffset(2025, 10, 11, 0, 0, 30, china), 12),
            new(3, SubmissionStatus.Returned, new DateTimeOffset(2025, 10, 8, 0, 0, 0, china), 13),
            new(4, SubmissionStatus.Draft, null, 14),
            new(99, SubmissionStatus.Submitted, new DateTimeOffset(2025, 10, 1, 0, 0, 0, china), 15), // not expected: ignored
        ];
        var result = CompletenessCalculator.Calculate(calendar, period, expected, submissions);
        Assert.Equal((5, 2, 1, 1, 1, 3), (result.Expected, result.Submitted, result.OnTime, result.Late, result.Returned, result.Missing));
        Assert.Equal(40.0m, result.ReportingRate);
        Assert.Equal(20.0m, result.TimelinessRate);
        Assert.Equal(UnitReportState.Late, result.Units.Single(u => u.UnitId == 2).State);
        Assert.Equal(UnitReportState.Missing, result.Units.Single(u => u.UnitId == 5).State);
        Assert.Equal(UnitReportState.Draft, result.Units.Single(u => u.UnitId == 4).State);
    }

    [Fact]
    public void Nothing_expected_gives_zero_rates()
    {
        var calendar = new ReportingCalendar(new CalendarRules(PeriodType.Quarter));
        var result = CompletenessCalculator.Calculate(calendar, calendar.Parse("2025Q1")!, [], []);
        Assert.Equal(0, result.Expected);
        Assert.Equal(0m, result.ReportingRate);
    }
}
