using System.ComponentModel.DataAnnotations;

namespace ClusterWatch.Core.Analytics.Warnings;

/// <summary>Every threshold of the warning rules (section "Warnings" of the configuration).</summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    /// <summary>A district is lagging when its completion of its share is more than this many percentage points below the city's.</summary>
    [Range(0, 100)] public decimal DistrictLagPoints { get; set; } = 10m;

    /// <summary>A pool enterprise's yearly revenue falling by more than this percent raises a warning.</summary>
    [Range(0, 100)] public decimal RevenueDropPercent { get; set; } = 20m;

    /// <summary>A task reported with the same status (and no rise in percent) for this many reports in a row is stalled.</summary>
    [Range(2, 12)] public int StalledPeriods { get; set; } = 2;

    /// <summary>Moves of key enterprises recorded in the audit log within this many days count.</summary>
    [Range(1, 3650)] public int MoveWindowDays { get; set; } = 365;

    /// <summary>Targets and allocations due this many years before the current year or later are checked (older ones are history).</summary>
    [Range(0, 50)] public int TargetYearsBack { get; set; } = 1;

    /// <summary>Unfinished tasks are overdue warnings for this many years after their plan ended; after that the plan is closed history.</summary>
    [Range(0, 50)] public int OverdueTaskYears { get; set; } = 3;
}
