using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Reporting;

public enum PeriodType { Month = 0, Quarter = 1, Year = 2 }
public enum SubmissionStatus { Draft = 0, Submitted = 1, Accepted = 2, Returned = 3 }
public enum RuleOperator { Equal = 0, NotEqual = 1, Less = 2, LessOrEqual = 3, Greater = 4, GreaterOrEqual = 5, CompulsoryPair = 6, ExclusivePair = 7 }
/// <summary>RequiresExplanation stops a submit unless the report explains the rule's field; appended so stored values keep their meaning.</summary>
public enum RuleImportance { Blocking = 0, Warning = 1, RequiresExplanation = 2 }
/// <summary>DHIS2 semantics: skip the rule when any (or all) of a side's values are missing, or treat missing as 0.</summary>
public enum MissingValueStrategy { SkipIfAnyMissing = 0, SkipIfAllMissing = 1, NeverSkip = 2 }

/// <summary>A report form (data set): what a unit reports each period, when, and how it is checked.</summary>
public class ReportForm
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public PeriodType PeriodType { get; set; } = PeriodType.Quarter;
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Data entry opens this many days before the period ends.</summary>
    public int OpenDaysBeforeEnd { get; set; }
    /// <summary>Data entry closes this many days after the period ends; null = open until locked.</summary>
    public int? CloseDaysAfterEnd { get; set; }
    /// <summary>The deadline is this day of the month after the period ends (default the 10th).</summary>
    public int DeadlineDay { get; set; } = 10;
    /// <summary>A deadline on a Saturday or Sunday moves to the Monday only when this is set.</summary>
    public bool DeadlineSkipsWeekends { get; set; }
    /// <summary>Edits this many days after the deadline need an admin's unlock.</summary>
    public int LockAfterDays { get; set; } = 30;
    public bool IsActive { get; set; } = true;
    public bool IsSynthetic { get; set; }
    public List<ReportFormIndicator> Indicators { get; set; } = [];
    public List<ReportFormTask> Tasks { get; set; } = [];
    public List<ReportFormAssignment> Assignments { get; set; } = [];
    public List<ValidationRule> Rules { get; set; } = [];
}

/// <summary>An indicator a form asks for, with the label used in rules (#{label}), its unit and allowed range.</summary>
public class ReportFormIndicator
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public ReportForm? Form { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public string Label { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? MinValue { get; set; }
    public decimal? MaxValue { get; set; }
    /// <summary>Year-to-date value (the year's figure is the latest period's) rather than a per-period one (summed).</summary>
    public bool IsCumulative { get; set; }
    public int SortOrder { get; set; }
}

public class ReportFormTask
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public ReportForm? Form { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask? PlanTask { get; set; }
    public int SortOrder { get; set; }
}

public class ReportFormAssignment
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public ReportForm? Form { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>A unit's report of one form for one period; its content lives in immutable versions.</summary>
public class Submission
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public ReportForm? Form { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string PeriodKey { get; set; } = "";
    public SubmissionStatus Status { get; set; }
    public int CurrentVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset? UnlockedAt { get; set; }
    public string? UnlockedBy { get; set; }
    public bool IsSynthetic { get; set; }
    public List<SubmissionVersion> Versions { get; set; } = [];
}

/// <summary>One save of a submission; never changed after it is written.</summary>
public class SubmissionVersion
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public Submission? Submission { get; set; }
    public int Number { get; set; }
    public string Action { get; set; } = "save";
    public string SavedBy { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    /// <summary>{label: value} as JSON.</summary>
    public string ValuesJson { get; set; } = "{}";
    /// <summary>Warnings (and blocking messages of a draft) as a JSON list; explained violations carry their explanation.</summary>
    public string WarningsJson { get; set; } = "[]";
    /// <summary>Hash of the request that produced this version, so a repeated post is answered, not applied twice.</summary>
    public string RequestHash { get; set; } = "";
    public List<TaskReport> TaskReports { get; set; } = [];
}

public enum TaskProgress { NotStarted = 0, InProgress = 1, Done = 2, Lagging = 3 }

/// <summary>How a plan task went in the period, as reported in one version.</summary>
public class TaskReport
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public SubmissionVersion? Version { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask? PlanTask { get; set; }
    public TaskProgress Status { get; set; }
    public int Percent { get; set; }
    public string? DoneThisPeriod { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }
}

/// <summary>Evidence for a submission, stored in the database with its SHA-256.</summary>
public class SubmissionAttachment
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public Submission? Submission { get; set; }
    public int? PlanTaskId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>left operator right over the form's values (DHIS2 validation rule); Tolerance makes == relative (0.01 = within 1%).</summary>
public class ValidationRule
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public ReportForm? Form { get; set; }
    public string Name { get; set; } = "";
    public string Left { get; set; } = "";
    public RuleOperator Operator { get; set; }
    public string Right { get; set; } = "";
    public decimal? Tolerance { get; set; }
    public RuleImportance Importance { get; set; }
    public MissingValueStrategy MissingValues { get; set; }
    public string Message { get; set; } = "";
    /// <summary>The field the message is shown next to; default the first value the left side names.</summary>
    public string? Field { get; set; }
    public bool IsActive { get; set; } = true;
}
