using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Core.Analytics.Warnings;

/// <summary>
/// A target's or allocation's standing. Status is the forecast status name (NeedsAcceleration, LimitedProgress, Deterioration …)
/// or, for progress without a forecast, the trajectory status name (Warning, Lagging).
/// </summary>
public sealed record AttainmentInput(
    int PlanId, int? TargetId, int? AllocationId, int RegionId, string Region, string Indicator, string Unit, int Year, decimal Value,
    decimal? Actual, int? ActualYear, decimal? Projected, string Status, string StatusLabel, bool IsSynthetic)
{
    /// <summary>Observed over required growth rate (R of the forecast), when known.</summary>
    public decimal? Ratio { get; init; }

    /// <summary>The dashboard's completion in percent (target / actual when lower is better); computed as actual / value when absent.</summary>
    public decimal? PercentOfTarget { get; init; }

    public decimal? Completion => PercentOfTarget ?? (Actual is { } a && Value != 0 ? 100m * a / Value : null);
}

/// <summary>A district's share (allocation) beside the city target of the same indicator and year.</summary>
public sealed record DistrictShareInput(AttainmentInput District, int CityTargetId, string City, decimal CityValue, decimal? CityActual, int? CityActualYear, bool CityIsSynthetic)
{
    /// <summary>The city's completion as the dashboard shows it; computed as actual / value when absent.</summary>
    public decimal? CityPercentOfTarget { get; init; }
}

/// <summary>A plan task, whether it is done (by its own status or its units' latest reports), and the plan's last year.</summary>
public sealed record TaskInput(int TaskId, int PlanId, string PlanTitle, int? PlanPeriodEnd, string Number, string Title, bool IsDone, string StatusLabel,
    int? RegionId, string UnitNames, bool IsSynthetic)
{
    /// <summary>The lead responsible unit (牵头单位), whose officers see the overdue warning.</summary>
    public int? LeadUnitId { get; init; }
}

public sealed record TaskReportPoint(string PeriodKey, TaskProgress Status, int Percent, int SubmissionId);

/// <summary>One unit's reports of one task, oldest first.</summary>
public sealed record TaskUnitHistory(int TaskId, int PlanId, string Number, string Title, int UnitId, string UnitName, int? RegionId,
    IReadOnlyList<TaskReportPoint> Reports, bool IsSynthetic);

public sealed record ReportingUnit(int UnitId, string UnitName, int? RegionId);

/// <summary>A form's expected units and their submissions for one period.</summary>
public sealed record FormPeriodInput(int FormId, string FormName, int? PlanId, CalendarRules Rules, ReportingPeriod Period,
    IReadOnlyList<ReportingUnit> Units, IReadOnlyList<UnitSubmission> Submissions, bool IsSynthetic);

/// <summary>An enterprise's yearly revenue (万元) in the latest year and the year before, and its pools active in the latest year.</summary>
public sealed record EnterpriseYearsInput(int EnterpriseId, string CreditCode, string Name, int RegionId, string Region, bool IsSynthetic,
    IReadOnlyList<CultivationPool> ActivePools, int Year, decimal? Revenue, decimal? PreviousRevenue);

public enum MoveKind { Registration = 0, Production = 1 }

public sealed record Place(int RegionId, string RegionName, int? CityId, string CityName);

/// <summary>A change of an enterprise's registration or largest production site found in the audit log. KeyReason null = not a key enterprise.</summary>
public sealed record EnterpriseMoveInput(int EnterpriseId, string CreditCode, string Name, bool IsSynthetic, string? KeyReason, MoveKind What,
    DateTimeOffset ChangedAt, Place From, Place To);

/// <summary>A warning the rules produce now; the service matches it to the stored one by Key.</summary>
public sealed record WarningCandidate(WarningKind Kind, WarningSeverity Severity, string Key, string Title, string Message,
    IReadOnlyList<WarningLink> Links, bool IsSynthetic)
{
    public int? PlanId { get; init; }
    public int? TargetId { get; init; }
    public int? AllocationId { get; init; }
    public int? RegionId { get; init; }
    public int? UnitId { get; init; }
    public int? EnterpriseId { get; init; }
    public int? TaskId { get; init; }
}
