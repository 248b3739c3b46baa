using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterWatch.Core.Reporting;

/// <summary>A reporting period: "2025Q3", "2025M07" or "2025".</summary>
public sealed record ReportingPeriod(PeriodType Type, int Year, int Index)
{
    public string Key => Type switch
    {
        PeriodType.Quarter => $"{Year}Q{Index}",
        PeriodType.Month => $"{Year}M{Index:00}",
        _ => $"{Year}",
    };

    public DateOnly Start => Type switch
    {
        PeriodType.Quarter => new DateOnly(Year, (Index - 1) * 3 + 1, 1),
        PeriodType.Month => new DateOnly(Year, Index, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Quarter => new DateOnly(Year, Index * 3, 1).AddMonths(1).AddDays(-1),
        PeriodType.Month => new DateOnly(Year, Index, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The quarter the period falls in (0 for a year), as IndicatorValue.Quarter wants it.</summary>
    public int Quarter => Type switch { PeriodType.Quarter => Index, PeriodType.Month => (Index - 1) / 3 + 1, _ => 0 };

    public ReportingPeriod Previous() => Type switch
    {
        PeriodType.Quarter => Index == 1 ? new(Type, Year - 1, 4) : new(Type, Year, Index - 1),
        PeriodType.Month => Index == 1 ? new(Type, Year - 1, 12) : new(Type, Year, Index - 1),
        _ => new(Type, Year - 1, 1),
    };

    public ReportingPeriod Next() => Type switch
    {
        PeriodType.Quarter => Index == 4 ? new(Type, Year + 1, 1) : new(Type, Year, Index + 1),
        PeriodType.Month => Index == 12 ? new(Type, Year + 1, 1) : new(Type, Year, Index + 1),
        _ => new(Type, Year + 1, 1),
    };

    public string Label => Type switch
    {
        PeriodType.Quarter => $"{Year}年第{Index}季度",
        PeriodType.Month => $"{Year}年{Index}月",
        _ => $"{Year}年",
    };

    public override string ToString() => Key;

    private static readonly Regex Pattern = new(@"^\s*(\d{4})\s*(?:([Qq])([1-4])|[Mm]?(\d{2})|)\s*$", RegexOptions.CultureInvariant);

    /// <summary>Parses "2025Q3", "2025M07", "202507" or "2025"; null when the text is not a period.</summary>
    public static ReportingPeriod? TryParse(string? text)
    {
        if (text is null) return null;
        var m = Pattern.Match(text);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100) return null;
        if (m.Groups[3].Success) return new(PeriodType.Quarter, year, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        if (m.Groups[4].Success)
        {
            var month = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new(PeriodType.Month, year, month) : null;
        }
        return new(PeriodType.Year, year, 1);
    }

    public static ReportingPeriod Containing(PeriodType type, DateOnly day) => type switch
    {
        PeriodType.Quarter => new(type, day.Year, (day.Month - 1) / 3 + 1),
        PeriodType.Month => new(type, day.Year, day.Month),
        _ => new(type, day.Year, 1),
    };
}

/// <summary>The rules of a form that fix its dates (a copy, so the calendar needs no database).</summary>
public sealed record CalendarRules(PeriodType PeriodType, int DeadlineDay = 10, int OpenDaysBeforeEnd = 0, int? CloseDaysAfterEnd = null,
    int LockAfterDays = 30, bool DeadlineSkipsWeekends = false)
{
    public static CalendarRules Of(ReportForm form) =>
        new(form.PeriodType, form.DeadlineDay, form.OpenDaysBeforeEnd, form.CloseDaysAfterEnd, form.LockAfterDays, form.DeadlineSkipsWeekends);
}

/// <summary>Deadlines, windows, timeliness and locks in Asia/Shanghai time: a day ends at 23:59:59 +08:00.</summary>
public sealed class ReportingCalendar(CalendarRules rules)
{
    public static readonly TimeZoneInfo China = FindChina();

    private static TimeZoneInfo FindChina()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }

    public CalendarRules Rules { get; } = rules;

    public ReportingPeriod? Parse(string? key)
    {
        var period = ReportingPeriod.TryParse(key);
        return period is not null && period.Type == Rules.PeriodType ? period : null;
    }

    /// <summary>The Nth day of the month after the period ends (the month's last day if shorter), moved past a weekend only when configured.</summary>
    public DateOnly DeadlineDate(ReportingPeriod period)
    {
        var month = period.End.AddDays(1);
        var day = Math.Clamp(Rules.DeadlineDay, 1, DateTime.DaysInMonth(month.Year, month.Month));
        var date = new DateOnly(month.Year, month.Month, day);
        if (Rules.DeadlineSkipsWeekends)
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return date;
    }

    /// <summary>23:59:59 of the deadline day in Shanghai.</summary>
    public DateTimeOffset Deadline(ReportingPeriod period) => EndOfDay(DeadlineDate(period));

    public DateTimeOffset Opens(ReportingPeriod period) => StartOfDay(period.End.AddDays(-Rules.OpenDaysBeforeEnd));

    public DateTimeOffset? Closes(ReportingPeriod period) =>
        Rules.CloseDaysAfterEnd is { } days ? EndOfDay(period.End.AddDays(days)) : null;

    /// <summary>From this moment edits need an admin's unlock.</summary>
    public DateTimeOffset LocksAt(ReportingPeriod period) => EndOfDay(DeadlineDate(period).AddDays(Rules.LockAfterDays));

    public bool IsOpen(ReportingPeriod period, DateTimeOffset now) =>
        now >= Opens(period) && (Closes(period) is not { } closes || now <= closes);

    public bool IsOnTime(ReportingPeriod period, DateTimeOffset submittedAt) => submittedAt <= Deadline(period);

    public bool IsLocked(ReportingPeriod period, DateTimeOffset now, bool unlockedByAdmin) => !unlockedByAdmin && now > LocksAt(period);

    /// <summary>The latest period whose window has opened by now (the one an officer reports next).</summary>
    public ReportingPeriod Current(DateTimeOffset now)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, China).DateTime);
        var period = ReportingPeriod.Containing(Rules.PeriodType, local);
        return IsOpen(period, now) ? period : period.Previous();
    }

    public static DateTimeOffset EndOfDay(DateOnly day) => At(day, new TimeOnly(23, 59, 59));

    public static DateTimeOffset StartOfDay(DateOnly day) => At(day, TimeOnly.MinValue);

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, China.GetUtcOffset(local));
    }
}
