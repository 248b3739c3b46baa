using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Plans;

/// <summary>Finds a unit by any name a plan writes for it; an alias shared across regions (发展改革委) is settled by the plan's region.</summary>
public class UnitResolver
{
    private readonly Dictionary<string, List<Unit>> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Region> _regionsById;

    /// <param name="units">Units with their aliases.</param>
    /// <param name="regions">Regions with parents, used to match a district context to its city's units; optional when units carry Region.</param>
    public UnitResolver(IEnumerable<Unit> units, IEnumerable<Region>? regions = null)
    {
        _regionsById = (regions ?? []).Where(r => r.Id != 0).ToDictionary(r => r.Id);
        var all = units.ToList();
        var byId = all.Where(u => u.Id != 0).ToDictionary(u => u.Id);
        // Units read AsNoTracking carry SuccessorId only: link them so SuccessorChain can follow renamings.
        foreach (var unit in all)
            if (unit.Successor is null && unit.SuccessorId is int next && byId.TryGetValue(next, out var successor)) unit.Successor = successor;
        foreach (var unit in all)
            foreach (var name in unit.Aliases.Select(a => a.Alias).Append(unit.FullName).Append(unit.ShortName).Select(PlanText.WithoutWhitespace).Distinct())
            {
                if (!_byAlias.TryGetValue(name, out var list)) _byAlias[name] = list = [];
                list.Add(unit);
            }
    }

    /// <summary>The unit written as name, preferring units of the context region (or the nearest region above it), then current units; null when unknown.</summary>
    public Unit? Resolve(string? name, Region? context = null)
    {
        if (!_byAlias.TryGetValue(PlanText.WithoutWhitespace(name), out var candidates)) return null;
        if (candidates.Count == 1) return candidates[0];
        var chain = Ancestors(context).ToList();
        return candidates
            .OrderBy(u => RegionDistance(u, chain))
            .ThenByDescending(u => u.ValidToYear is null)
            .First();
    }

    /// <summary>The unit and the units it was renamed to, oldest first (科工贸信委 → 经贸信息委 → 工业和信息化局).</summary>
    public static IReadOnlyList<Unit> SuccessorChain(Unit unit)
    {
        var chain = new List<Unit> { unit };
        for (var u = unit.Successor; u is not null && !chain.Contains(u); u = u.Successor) chain.Add(u);
        return chain;
    }

    /// <summary>The unit that carries this unit's work today.</summary>
    public static Unit CurrentOf(Unit unit) => SuccessorChain(unit)[^1];

    private static int RegionDistance(Unit unit, List<Region> chain)
    {
        var regionId = unit.Region?.Id ?? unit.RegionId ?? 0;
        for (var i = 0; i < chain.Count; i++)
            if (ReferenceEquals(unit.Region, chain[i]) || (regionId != 0 && regionId == chain[i].Id)) return i;
        return int.MaxValue;
    }

    private IEnumerable<Region> Ancestors(Region? region)
    {
        for (var r = region; r is not null; r = r.Parent ?? (r.ParentId is int p ? _regionsById.GetValueOrDefault(p) : null))
            yield return r;
    }

}
