using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Web.Reporting;

public sealed record FormIndicatorDto(int Id, int IndicatorId, string Label, string Unit, decimal? MinValue, decimal? MaxValue, bool IsCumulative);
public sealed record FormTaskDto(int PlanTaskId, string Number, string Title, int[] UnitIds);
public sealed record FormUnitDto(int Id, string Name);
public sealed record RuleDto(int Id, string Name, string Left, string Operator, string Right, decimal? Tolerance, RuleImportance Importance,
    MissingValueStrategy MissingValues, string Message, string? Field, bool IsActive)
{
    public static RuleDto From(ValidationRule r) => new(r.Id, r.Name, r.Left, ValidationEngine.OperatorText(r.Operator), r.Right, r.Tolerance, r.Importance, r.MissingValues, r.Message, r.Field, r.IsActive);
}

public sealed record FormSummaryDto(int Id, string Name, PeriodType PeriodType, int DeadlineDay, int LockAfterDays, bool IsActive, bool IsSynthetic, int Indicators, int Tasks, int Units);

public sealed record FormDto(int Id, string Name, string? Description, PeriodType PeriodType, int? PlanId, int OpenDaysBeforeEnd, int? CloseDaysAfterEnd,
    int DeadlineDay, bool DeadlineSkipsWeekends, int LockAfterDays, bool IsActive, bool IsSynthetic,
    IReadOnlyList<FormIndicatorDto> Indicators, IReadOnlyList<FormTaskDto> Tasks, IReadOnlyList<FormUnitDto> Units, IReadOnlyList<RuleDto> Rules)
{
    public static FormDto From(ReportForm f, IReadOnlyDictionary<int, string> unitNames) => new(f.Id, f.Name, f.Description, f.PeriodType, f.PlanId,
        f.OpenDaysBeforeEnd, f.CloseDaysAfterEnd, f.DeadlineDay, f.DeadlineSkipsWeekends, f.LockAfterDays, f.IsActive, f.IsSynthetic,
        f.Indicators.OrderBy(i => i.SortOrder).Select(i => new FormIndicatorDto(i.Id, i.IndicatorId, i.Label, i.Unit, i.MinValue, i.MaxValue, i.IsCumulative)).ToList(),
        f.Tasks.OrderBy(t => t.SortOrder).Select(t => new FormTaskDto(t.PlanTaskId, t.PlanTask?.Number ?? "", t.PlanTask?.Title ?? "",
            t.PlanTask?.Assignments.Select(a => a.UnitId).Distinct().ToArray() ?? [])).ToList(),
        f.Assignments.Select(a => new FormUnitDto(a.UnitId, unitNames.TryGetValue(a.UnitId, out var n) ? n : a.UnitId.ToString())).OrderBy(u => u.Name, StringComparer.Ordinal).ToList(),
        f.Rules.OrderBy(r => r.Id).Select(RuleDto.From).ToList());
}

public sealed record FormIndicatorInput(int IndicatorId, string? Label, string? Unit, decimal? MinValue, decimal? MaxValue, bool IsCumulative);

public sealed record FormInput(string? Name, string? Description, PeriodType PeriodType, int? PlanId, int OpenDaysBeforeEnd, int? CloseDaysAfterEnd,
    int? DeadlineDay, bool DeadlineSkipsWeekends, int? LockAfterDays, bool? IsActive, List<FormIndicatorInput>? Indicators, List<int>? TaskIds, List<string>? Units);

public sealed record RuleInput(string? Name, string? Left, string? Operator, string? Right, decimal? Tolerance, RuleImportance Importance,
    MissingValueStrategy MissingValues, string? Message, string? Field, bool? IsActive);

public sealed record TaskReportBody(int Task, string? Status, int Percent, string? DoneThisPeriod, string? Problems, string? NextSteps);

/// <summary>POST /api/submissions: form by id or name, unit by id or alias, values and explanations by indicator id, name or label; action save|submit.</summary>
public sealed record SubmissionBody(string? Form, string? Unit, string? Period, int Version, Dictionary<string, decimal?>? Values, List<TaskReportBody>? Tasks, string? Action,
    Dictionary<string, string?>? Explanations = null);

public sealed record SubmissionSummaryDto(int Id, int FormId, string FormName, int UnitId, string UnitName, string Period, SubmissionStatus Status, string StatusText,
    int CurrentVersion, DateTimeOffset? SubmittedAt, DateTimeOffset Deadline, bool? OnTime, string? ReturnReason, DateTimeOffset? ReviewedAt, string? ReviewedBy,
    bool Locked, bool IsSynthetic);

public sealed record TaskReportDto(int PlanTaskId, string Status, int Percent, string? DoneThisPeriod, string? Problems, string? NextSteps)
{
    public static TaskReportDto From(TaskReport t) => new(t.PlanTaskId, SubmissionService.ProgressText(t.Status), t.Percent, t.DoneThisPeriod, t.Problems, t.NextSteps);
}

public sealed record VersionSummaryDto(int Number, string Action, string SavedBy, DateTimeOffset SavedAt, int Warnings);

public sealed record VersionDto(int SubmissionId, int Number, string Action, string SavedBy, DateTimeOffset SavedAt, IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyList<TaskReportDto> Tasks, IReadOnlyList<RuleViolation> Warnings, IReadOnlyDictionary<string, string> Explanations)
{
    public static VersionDto From(SubmissionVersion v) => new(v.SubmissionId, v.Number, v.Action, v.SavedBy, v.SavedAt, SubmissionService.ReadValues(v.ValuesJson),
        v.TaskReports.OrderBy(t => t.PlanTaskId).Select(TaskReportDto.From).ToList(), SubmissionService.ReadWarnings(v.WarningsJson), SubmissionService.ReadExplanations(v.WarningsJson));
}

public sealed record SubmissionDto(SubmissionSummaryDto Submission, VersionDto? Version);

/// <summary>What a save or submit answered: the report, the version written (or found again), and its warnings.</summary>
public sealed record SubmissionResultDto(SubmissionSummaryDto Submission, int Version, bool Replayed, IReadOnlyList<RuleViolation> Warnings);

public sealed record ReturnBody(string? Reason);
