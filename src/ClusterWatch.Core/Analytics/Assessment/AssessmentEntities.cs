using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Core.Analytics.Assessment;

/// <summary>What an assessment indicator measures; stored as its number, so new kinds are appended.</summary>
public enum AssessmentKind { TargetCompletion = 0, AllocationCompletion = 1, TaskCompletion = 2, ReportTimeliness = 3, ReportCompleteness = 4, DataQuality = 5 }

/// <summary>Units are ranked only against units of the same group.</summary>
public enum PeerGroup { District = 0, Department = 1 }

/// <summary>A scheme of weighted indicators (考核方案) scored per unit and period (year or quarter).</summary>
public class AssessmentScheme
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Year or Quarter (never Month).</summary>
    public PeriodType PeriodType { get; set; } = PeriodType.Year;
    public bool IsSynthetic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<AssessmentIndicator> Indicators { get; set; } = [];
}

/// <summary>One indicator of a scheme with its weight in points; a scheme's weights sum to 100.</summary>
public class AssessmentIndicator
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public AssessmentScheme? Scheme { get; set; }
    public AssessmentKind Kind { get; set; }
    public decimal Weight { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A unit's score and rank for one period of a scheme; frozen while the period is published.</summary>
public class AssessmentResult
{
    public long Id { get; set; }
    public int SchemeId { get; set; }
    public AssessmentScheme? Scheme { get; set; }
    public string PeriodKey { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public PeerGroup PeerGroup { get; set; }
    public decimal Score { get; set; }
    public int Rank { get; set; }
    public decimal? PreviousScore { get; set; }
    public int? PreviousRank { get; set; }
    public decimal? Change { get; set; }
    /// <summary>The per-indicator IndicatorScore list as JSON (raw value, score, weight, points, explanation).</summary>
    public string BreakdownJson { get; set; } = "[]";
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>A publication of a scheme's period; withdrawn ones stay as history.</summary>
public class AssessmentPublication
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public AssessmentScheme? Scheme { get; set; }
    public string PeriodKey { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
}
