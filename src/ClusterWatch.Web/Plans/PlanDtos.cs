using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Web.Plans;

public sealed record RegionRef(string Code, string Name, string SeriesCode)
{
    public static RegionRef? From(Region? r) => r is null ? null : new RegionRef(r.Code, r.Name, r.SeriesCode);
}

public sealed record IndicatorRef(int Id, string Name, string Unit, IndicatorKind Kind, Caliber Caliber, ComputedMeasure Measure)
{
    public static IndicatorRef From(Indicator i) => new(i.Id, i.Name, i.Unit, i.Kind, i.Caliber, i.Measure);
}

public sealed record IndicatorDto(int Id, string Name, string Unit, IndicatorKind Kind, Aggregation Aggregation, Caliber Caliber,
    Direction Direction, Sector Sector, string? IndustryCode, ComputedMeasure Measure, decimal? TierThreshold)
{
    public static IndicatorDto From(Indicator i) =>
        new(i.Id, i.Name, i.Unit, i.Kind, i.Aggregation, i.Caliber, i.Direction, i.Sector, i.IndustryCode, i.Measure, i.TierThreshold);
}

public sealed record IndicatorWrite(string? Name, string? Unit, IndicatorKind? Kind, Aggregation? Aggregation, Caliber? Caliber,
    Direction? Direction, Sector? Sector, string? IndustryCode, ComputedMeasure? Measure, decimal? TierThreshold);

public sealed record PlanCounts(int Targets, int Baselines, int Allocations, int Tasks);

public sealed record PlanSummaryDto(int Id, string Slug, string Title, string? Issuer, string? DocNumber, RegionRef? Region,
    int? PeriodStart, int? PeriodEnd, PlanStatus Status, PlanCounts Counts);

public sealed record PlanDetailDto(int Id, string Slug, string Title, string? Issuer, string? DocNumber, RegionRef? Region,
    int? PeriodStart, int? PeriodEnd, PlanStatus Status, string? Source, PlanCounts Counts, string FullText);

public sealed record PlanWrite(string? Slug, string? Title, string? Issuer, string? DocNumber, string? RegionCode,
    int? PeriodStart, int? PeriodEnd, PlanStatus? Status, string? Source, string? FullText);

public sealed record TargetDto(int Id, int PlanId, IndicatorRef Indicator, RegionRef? Region, int Year, Comparator Comparator,
    decimal Value, decimal? ValueMax, string Unit, string? Quote)
{
    public static TargetDto From(Target t) => new(t.Id, t.PlanId, IndicatorRef.From(t.Indicator!), RegionRef.From(t.Region), t.Year,
        t.Comparator, t.Value, t.ValueMax, t.Unit, t.Quote);
}

/// <summary>comparator accepts =, >=, ≥, ~, 约, 左右, <=, ≤ or the enum names (Equal, AtLeast, About, AtMost).</summary>
public sealed record TargetWrite(int? IndicatorId, string? RegionCode, string? RegionName, int? Year, string? Comparator,
    decimal? Value, decimal? ValueMax, string? Unit, string? Quote);

public sealed record BaselineDto(int Id, int PlanId, IndicatorRef Indicator, RegionRef? Region, int Year, decimal Value, string Unit, string? Quote)
{
    public static BaselineDto From(Baseline b) =>
        new(b.Id, b.PlanId, IndicatorRef.From(b.Indicator!), RegionRef.From(b.Region), b.Year, b.Value, b.Unit, b.Quote);
}

public sealed record BaselineWrite(int? IndicatorId, string? RegionCode, string? RegionName, int? Year, decimal? Value, string? Unit, string? Quote);

public sealed record AllocationDto(int Id, int PlanId, IndicatorRef Indicator, RegionRef? Region, int Year, decimal Value, string Unit)
{
    public static AllocationDto From(Allocation a) =>
        new(a.Id, a.PlanId, IndicatorRef.From(a.Indicator!), RegionRef.From(a.Region), a.Year, a.Value, a.Unit);
}

public sealed record AllocationWrite(int? IndicatorId, string? RegionCode, string? RegionName, int? Year, decimal? Value, string? Unit);

public sealed record TaskUnitDto(int Id, string Name, string WrittenAs, AssignmentRole Role);

public sealed record TaskDto(int Id, int PlanId, string Number, string Title, string? Text, PlanTaskStatus Status, int SortOrder,
    IReadOnlyList<TaskUnitDto> LeadUnits, IReadOnlyList<TaskUnitDto> Units)
{
    public static TaskDto From(PlanTask t)
    {
        var units = t.Assignments.OrderBy(a => a.Position)
            .Select(a => new TaskUnitDto(a.UnitId, a.Unit?.FullName ?? "", a.WrittenAs, a.Role)).ToList();
        return new(t.Id, t.PlanId, t.Number, t.Title, t.Text, t.Status, t.SortOrder,
            units.Where(u => u.Role == AssignmentRole.Lead).ToList(), units);
    }
}

/// <summary>Units are given by name as the plan writes them (resolved through aliases), lead units first.</summary>
public sealed record TaskWrite(string? Number, string? Title, string? Text, PlanTaskStatus? Status, int? SortOrder,
    IReadOnlyList<string>? LeadUnits, IReadOnlyList<string>? ParticipantUnits);

public sealed record UnitDto(int Id, string FullName, string ShortName, UnitKind Kind, RegionRef? Region, int? ValidFromYear,
    int? ValidToYear, int? SuccessorId, string? SuccessorName, IReadOnlyList<string> Aliases)
{
    public static UnitDto From(Unit u) => new(u.Id, u.FullName, u.ShortName, u.Kind, RegionRef.From(u.Region), u.ValidFromYear,
        u.ValidToYear, u.SuccessorId, u.Successor?.FullName, u.Aliases.Select(a => a.Alias).OrderBy(a => a, StringComparer.Ordinal).ToList());
}

public sealed record UnitWrite(string? FullName, string? ShortName, UnitKind? Kind, string? RegionCode, int? ValidFromYear,
    int? ValidToYear, int? SuccessorId, IReadOnlyList<string>? Aliases);
