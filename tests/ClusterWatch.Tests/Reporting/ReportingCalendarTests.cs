using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Reporting;

public class ReportingCalendarTests
{
    private static readonly ReportingCalendar Quarterly = new(new CalendarRules(PeriodType.Quarter));
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2025Q1", "2025-03-31", "2025-04-10")]
    [InlineData("2025Q2", "2025-06-30", "2025-07-10")]
    [InlineData("2025Q3", "2025-09-30", "2025-10-10")]
    [InlineData("2025Q4", "2025-12-31", "2026-01-10")]
    public void Quarter_ends_and_the_deadline_is_the_tenth_of_the_next_month(string key, string end, string deadline)
    {
        var period = Quarterly.Parse(key)!;
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(DateOnly.Parse(deadline), Quarterly.DeadlineDate(period));
    }

    [Fact]
    public void A_period_ending_31_december_is_due_10_january_next_year_at_23_59_59_china_time()
    {
        var deadline = Quarterly.Deadline(Quarterly.Parse("2025Q4")!);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 23, 59, 59, China), deadline);
        Assert.Equal(China, deadline.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 15, 59, 59, TimeSpan.Zero), deadline.ToUniversalTime());
    }

    [Fact]
    public void A_submission_thirty_seconds_after_midnight_on_the_eleventh_is_late()
    {
        var period = Quarterly.Parse("2025Q3")!;
        Assert.False(Quarterly.IsOnTime(period, new DateTimeOffset(2025, 10, 11, 0, 0, 30, China)));
        Assert.True(Quarterly.IsOnTime(period, new DateTimeOffset(2025, 10, 10, 23, 59, 59, China)));
    }

    [Fact]
    public void Timeliness_is_judged_in_china_time_whatever_the_offset_of_the_timestamp()
    {
        var period = Quarterly.Parse("2025Q3")!;
        // 16:30 UTC on the 10th is 00:30 on the 11th in Shanghai: late.
        Assert.False(Quarterly.IsOnTime(period, new DateTimeOffset(2025, 10, 10, 16, 30, 0, TimeSpan.Zero)));
        // 15:30 UTC on the 10th is 23:30 in Shanghai: on time.
        Assert.True(Quarterly.IsOnTime(period, new DateTimeOffset(2025, 10, 10, 15, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Weekends_are_not_special_unless_configured()
    {
        // 10 January 2027 is a Sunday.
        var period = Quarterly.Parse("2026Q4")!;
        Assert.Equal(new DateOnly(2027, 1, 10), Quarterly.DeadlineDate(period));
        var skipping = new ReportingCalendar(new CalendarRules(PeriodType.Quarter, DeadlineSkipsWeekends: true));
        Assert.Equal(new DateOnly(2027, 1, 11), skipping.DeadlineDate(period));
    }

    [Fact]
    public void Monthly_and_yearly_periods_have_their_own_ends_and_deadlines()
    {
        var monthly = new ReportingCalendar(new CalendarRules(PeriodType.Month, DeadlineDay: 31));
        var february = monthly.Parse("2025M01")!;
        Assert.Equal(new DateOnly(2025, 1, 31), february.End);
        Assert.Equal(new DateOnly(2025, 2, 28), monthly.DeadlineDate(february)); // the 31st clamps to February's last day
        var yearly = new ReportingCalendar(new CalendarRules(PeriodType.Year));
        Assert.Equal(new DateOnly(2026, 1, 10), yearly.DeadlineDate(yearly.Parse("2025")!));
        Assert.Null(Quarterly.Parse("2025M07"));
        Assert.Null(Quarterly.Parse("2025Q5"));
    }

    [Fact]
    public void The_window_opens_before_the_period_ends_and_the_report_locks_after_n_days_unless_unlocked()
    {
        var calendar = new ReportingCalendar(new CalendarRules(PeriodType.Quarter, OpenDaysBeforeEnd: 10, LockAfterDays: 20));
        var period = calendar.Parse("2025Q3")!;
        Assert.False(calendar.IsOpen(period, new DateTimeOffset(2025, 9, 19, 23, 59, 59, China)));
        Assert.True(calendar.IsOpen(period, new DateTimeOffset(2025, 9, 20, 0, 0, 0, China)));
        Assert.Equal(new DateTimeOffset(2025, 10, 30, 23, 59, 59, China), calendar.LocksAt(period));
        var after = new DateTimeOffset(2025, 10, 31, 0, 0, 1, China);
        Assert.True(calendar.IsLocked(period, after, unlockedByAdmin: false));
        Assert.False(calendar.IsLocked(period, after, unlockedByAdmin: true));
        Assert.False(calendar.IsLocked(period, new DateTimeOffset(2025, 10, 30, 12, 0, 0, China), unlockedByAdmin: false));
    }

    [Fact]
    public void Previous_of_the_first_quarter_is_the_last_quarter_of_the_year_before()
    {
        Assert.Equal("2024Q4", ReportingPeriod.TryParse("2025Q1")!.Previous().Key);
        Assert.Equal("2025Q2", ReportingPeriod.TryParse("2025q1")!.Next().Key);
    }
}
