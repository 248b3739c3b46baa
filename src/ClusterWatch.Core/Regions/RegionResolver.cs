namespace ClusterWatch.Core.Regions;

/// <summary>Finds a region as plans and files write it ("南山区", "南山", "坪山新区", "全市", "440305") and the current region of its series.</summary>
public class RegionResolver
{
    private static readonly string[] NameSuffixes = ["新区", "特别合作区", "自治县", "区", "市", "县", "省"];

    private readonly List<Region> _regions;
    private readonly Dictionary<string, List<Region>> _byCode;
    private readonly Dictionary<string, List<Region>> _byName;
    private readonly Dictionary<string, List<Region>> _byShortName;
    private readonly Dictionary<int, Region> _byId;

    public RegionResolver(IEnumerable<Region> regions)
    {
        _regions = regions.ToList();
        _byCode = Group(_regions, r => [r.Code]);
        _byName = Group(_regions, r => [r.Name]);
        _byShortName = Group(_regions, r => ShortNamesOf(r.Name));
        _byId = _regions.Where(r => r.Id != 0).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<Region> All => _regions;

    /// <summary>The region a name or code stands for; context (the plan's region) settles "全市" and names that repeat across cities.</summary>
    public Region? Resolve(string? text, Region? context = null)
    {
        var key = Plans.PlanText.WithoutWhitespace(text);
        if (key.Length == 0) return null;

        switch (key)
        {
            case "全市": return AncestorOrSelf(context, RegionLevel.City);
            case "全省": return AncestorOrSelf(context, RegionLevel.Province);
            case "全国" or "中国" or "我国": return _regions.FirstOrDefault(r => r.Level == RegionLevel.Country);
        }

        if (_byCode.TryGetValue(key, out var byCode)) return Best(byCode, context);
        if (_byName.TryGetValue(key, out var byName)) return Best(byName, context);
        if (_byShortName.TryGetValue(key, out var byShort)) return Best(byShort, context);

        // "深圳市南山区" or "广东省深圳市": the last part that resolves is the most specific.
        foreach (var prefix in _regions.Where(r => r.Level is RegionLevel.Province or RegionLevel.City).OrderByDescending(r => r.Name.Length))
        {
            if (!key.StartsWith(prefix.Name, StringComparison.Ordinal) || key.Length == prefix.Name.Length || !prefix.IsCurrent) continue;
            return Resolve(key[prefix.Name.Length..], prefix);
        }
        return null;
    }

    /// <summary>The current region of the series a region belongs to (坪山新区 → 坪山区); the region itself when it is current.</summary>
    public Region SeriesOf(Region region)
    {
        if (region.IsCurrent && (region.SeriesCode == region.Code || region.SeriesCode.Length == 0)) return region;
        if (_byCode.TryGetValue(region.SeriesCode, out var series))
        {
            var current = series.FirstOrDefault(r => r.IsCurrent) ?? series[0];
            if (!ReferenceEquals(current, region)) return current;
        }
        var last = region;
        for (var steps = 0; steps < 16 && SuccessorOf(last) is { } next; steps++) last = next; // bounded: bad data may loop
        return last;
    }

    /// <summary>True when the region is the ancestor itself or lies beneath it.</summary>
    public bool IsWithin(Region region, Region ancestor)
    {
        for (Region? r = region; r is not null; r = ParentOf(r))
            if (Same(r, ancestor)) return true;
        return false;
    }

    /// <summary>The parent by navigation, or by ParentId for regions loaded without it (AsNoTracking).</summary>
    public Region? ParentOf(Region region) => region.Parent ?? (region.ParentId is int id ? _byId.GetValueOrDefault(id) : null);

    private Region? SuccessorOf(Region region) => region.Successor ?? (region.SuccessorId is int id ? _byId.GetValueOrDefault(id) : null);

    private Region? AncestorOrSelf(Region? region, RegionLevel level)
    {
        for (var r = region; r is not null; r = ParentOf(r))
            if (r.Level == level) return r;
        return null;
    }

    /// <summary>Among regions sharing a name: those inside the context first, then current ones, then the higher level.</summary>
    private Region Best(List<Region> candidates, Region? context)
    {
        if (candidates.Count == 1) return candidates[0];
        var scope = context is null ? null : AncestorOrSelf(context, RegionLevel.City) ?? context;
        return candidates
            .OrderByDescending(r => scope is not null && IsWithin(r, scope))
            .ThenByDescending(r => r.IsCurrent)
            .ThenBy(r => r.Level)
            .First();
    }

    private static bool Same(Region a, Region b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);

    private static IEnumerable<string> ShortNamesOf(string name)
    {
        foreach (var suffix in NameSuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return [name[..^suffix.Length]];
        return [];
    }

    private static Dictionary<string, List<Region>> Group(IEnumerable<Region> regions, Func<Region, IEnumerable<string>> keys)
    {
        var map = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        foreach (var r in regions)
            foreach (var k in keys(r))
            {
                if (!map.TryGetValue(k, out var list)) map[k] = list = [];
                list.Add(r);
            }
        return map;
    }
}
