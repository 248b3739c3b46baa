namespace ClusterWatch.Core.Analytics.Warnings;

public enum WarningKind
{
    TargetAtRisk = 0, AllocationAtRisk = 1, DistrictLaggingShare = 2, TaskOverdue = 3, TaskStalled = 4, ReportMissing = 5, ReportLate = 6,
    EnterpriseRevenueDrop = 7, EnterpriseTierChange = 8, EnterpriseMovedOut = 9,
}

/// <summary>提示 / 预警 / 严重, in rising order so that a larger value is more severe.</summary>
public enum WarningSeverity { Notice = 0, Warning = 1, Critical = 2 }

public enum WarningStatus { Raised = 0, Acknowledged = 1, Resolved = 2 }

public enum WarningAction { Raised = 0, Updated = 1, Acknowledged = 2, Resolved = 3, Reopened = 4 }

/// <summary>A link to the data behind a warning: a page or an API route.</summary>
public sealed record WarningLink(string Label, string Href);

/// <summary>An early warning (预警), identified by a stable Key (kind + subject) and kept with its history across refreshes.</summary>
public class Warning
{
    public int Id { get; set; }
    public WarningKind Kind { get; set; }
    public WarningSeverity Severity { get; set; }
    /// <summary>Kind and subject, e.g. "TargetAtRisk:target:123:2025"; one row per key for ever, reopened rather than duplicated.</summary>
    public string Key { get; set; } = "";
    public int? PlanId { get; set; }
    public int? TargetId { get; set; }
    public int? AllocationId { get; set; }
    public int? RegionId { get; set; }
    public int? UnitId { get; set; }
    public int? EnterpriseId { get; set; }
    public int? TaskId { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>JSON list of {label, href}.</summary>
    public string LinksJson { get; set; } = "[]";
    public WarningStatus Status { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset LastEvaluatedAt { get; set; }
    public bool IsSynthetic { get; set; }
    public List<WarningEvent> Events { get; set; } = [];

    public bool IsOpen => Status != WarningStatus.Resolved;
}

/// <summary>One step in a warning's history, with the severity and sentence it had then.</summary>
public class WarningEvent
{
    public long Id { get; set; }
    public int WarningId { get; set; }
    public Warning? Warning { get; set; }
    public DateTimeOffset At { get; set; }
    public WarningAction Action { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }
    public WarningSeverity Severity { get; set; }
    public string Message { get; set; } = "";
}
