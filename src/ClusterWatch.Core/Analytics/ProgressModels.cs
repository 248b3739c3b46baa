namespace ClusterWatch.Core.Analytics;

/// <summary>Status of a target against its trajectory: 达标 / 预警 / 滞后, or no data yet.</summary>
public enum ProgressStatus { OnTrack = 0, Warning = 1, Lagging = 2, NoData = 3 }

public sealed record SeriesPoint(int Year, decimal? Actual, decimal? Expected);

/// <summary>The dashboard's numbers for one target (GET /api/plans/{id}/progress).</summary>
public sealed record TargetProgress(
    int TargetId,
    string Indicator,
    string Unit,
    string RegionCode,
    string Region,
    int Year,
    string Comparator,
    decimal Value,
    decimal? ValueMax,
    decimal? Baseline,
    int? BaselineYear,
    decimal? Actual,
    int? ActualYear,
    string ActualSource,
    bool ActualIsSynthetic,
    decimal? PercentOfTarget,
    decimal? Expected,
    string Trajectory,
    ProgressStatus Status,
    string StatusLabel,
    string Rule,
    string? Quote,
    IReadOnlyList<SeriesPoint> Series)
{
    /// <summary>The year Expected belongs to: ActualYear when there is an actual, else the selected year.</summary>
    public int ExpectedYear { get; init; }
    /// <summary>The Open SDG attainment forecast; its Status is the status the dashboard shows.</summary>
    public AttainmentForecast Forecast { get; init; } = AttainmentForecast.NotComputed;
}

/// <summary>One district's share of a city target (目标分解) and where it stands.</summary>
public sealed record AllocationProgress(
    int AllocationId,
    string Indicator,
    string Unit,
    string RegionCode,
    string SeriesCode,
    string Region,
    int Year,
    decimal Value,
    decimal? Actual,
    decimal? PercentOfTarget,
    ProgressStatus Status,
    string StatusLabel)
{
    public int? ActualYear { get; init; }
    public bool ActualIsSynthetic { get; init; }
    public string ActualSource { get; init; } = "";
    /// <summary>The value expected by ActualYear (or Year without data) on the path to this share.</summary>
    public decimal? Expected { get; init; }
    /// <summary>The rule with its numbers, in Chinese, for the hover text.</summary>
    public string Rule { get; init; } = "";
    /// <summary>The Open SDG attainment forecast of this share; its Status colours the district table and map.</summary>
    public AttainmentForecast Forecast { get; init; } = AttainmentForecast.NotComputed;
}

public sealed record PlanProgress(
    int PlanId,
    string Title,
    int Year,
    IReadOnlyList<int> Years,
    IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<AllocationProgress> Allocations,
    bool UsesSyntheticData);
