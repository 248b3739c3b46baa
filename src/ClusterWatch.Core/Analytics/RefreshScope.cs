namespace ClusterWatch.Core.Analytics;

/// <summary>
/// What changed since the last analytics refresh. Full recomputes everything; otherwise each stage recomputes only what
/// depends on the listed enterprises, regions, units, plans or years (an empty set means "nothing of that kind changed").
/// </summary>
public sealed record RefreshScope(
    bool IsFull,
    IReadOnlySet<int> EnterpriseIds,
    IReadOnlySet<int> RegionIds,
    IReadOnlySet<int> UnitIds,
    IReadOnlySet<int> PlanIds,
    IReadOnlySet<int> Years)
{
    public static RefreshScope Full { get; } = new(true, new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>());

    public static RefreshScope Of(IEnumerable<int>? enterpriseIds = null, IEnumerable<int>? regionIds = null, IEnumerable<int>? unitIds = null,
        IEnumerable<int>? planIds = null, IEnumerable<int>? years = null) =>
        new(false, Set(enterpriseIds), Set(regionIds), Set(unitIds), Set(planIds), Set(years));

    private static HashSet<int> Set(IEnumerable<int>? ids) => ids is null ? [] : [.. ids];

    /// <summary>True when this refresh must look at the region (a full refresh looks at every region).</summary>
    public bool TouchesRegion(int regionId) => IsFull || RegionIds.Contains(regionId);
    public bool TouchesUnit(int unitId) => IsFull || UnitIds.Contains(unitId);
    public bool TouchesPlan(int planId) => IsFull || PlanIds.Contains(planId);
}
