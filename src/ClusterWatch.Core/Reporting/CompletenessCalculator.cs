namespace ClusterWatch.Core.Reporting;

public enum UnitReportState { OnTime = 0, Late = 1, Returned = 2, Draft = 3, Missing = 4 }

public sealed record ExpectedUnit(int UnitId, string UnitName);

/// <summary>What a unit has for the period: its status and when it was (last) submitted.</summary>
public sealed record UnitSubmission(int UnitId, SubmissionStatus Status, DateTimeOffset? SubmittedAt, int SubmissionId);

public sealed record UnitCompleteness(int UnitId, string UnitName, UnitReportState State, SubmissionStatus? Status, DateTimeOffset? SubmittedAt, int? SubmissionId)
{
    public string StateText => CompletenessCalculator.StateText(State);
}

/// <summary>DHIS2-style rates: reporting rate = submitted / expected, timeliness = on time / expected.</summary>
public sealed record Completeness(string PeriodKey, DateTimeOffset Deadline, int Expected, int Submitted, int OnTime, int Late, int Returned, int Missing,
    decimal ReportingRate, decimal TimelinessRate, IReadOnlyList<UnitCompleteness> Units);

/// <summary>Completeness and timeliness of one form for one period, from the expected units and their submissions.</summary>
public static class CompletenessCalculator
{
    /// <summary>Submitted and accepted reports count as submitted (on time when submitted by the deadline); returned ones and drafts do not.</summary>
    public static Completeness Calculate(ReportingCalendar calendar, ReportingPeriod period, IEnumerable<ExpectedUnit> expected, IEnumerable<UnitSubmission> submissions)
    {
        var deadline = calendar.Deadline(period);
        var byUnit = submissions.GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => g.First());
        var units = expected.DistinctBy(u => u.UnitId).Select(u =>
        {
            if (!byUnit.TryGetValue(u.UnitId, out var s)) return new UnitCompleteness(u.UnitId, u.UnitName, UnitReportState.Missing, null, null, null);
            var state = s.Status switch
            {
                SubmissionStatus.Submitted or SubmissionStatus.Accepted when s.SubmittedAt is { } at => calendar.IsOnTime(period, at) ? UnitReportState.OnTime : UnitReportState.Late,
                SubmissionStatus.Returned => UnitReportState.Returned,
                _ => UnitReportState.Draft,
            };
            return new UnitCompleteness(u.UnitId, u.UnitName, state, s.Status, s.SubmittedAt, s.SubmissionId);
        }).OrderBy(u => u.State).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();

        var onTime = units.Count(u => u.State == UnitReportState.OnTime);
        var late = units.Count(u => u.State == UnitReportState.Late);
        var returned = units.Count(u => u.State == UnitReportState.Returned);
        var submitted = onTime + late;
        return new Completeness(period.Key, deadline, units.Count, submitted, onTime, late, returned, units.Count - submitted,
            Rate(submitted, units.Count), Rate(onTime, units.Count), units);
    }

    /// <summary>Percent with one decimal; 0 when nothing is expected.</summary>
    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    public static string StateText(UnitReportState state) => state switch
    {
        UnitReportState.OnTime => "按时报送",
        UnitReportState.Late => "逾期报送",
        UnitReportState.Returned => "已退回",
        UnitReportState.Draft => "草稿未提交",
        _ => "未报送",
    };
}
