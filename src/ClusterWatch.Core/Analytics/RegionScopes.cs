using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Analytics;

/// <summary>The few region fields the analytics need.</summary>
public sealed record RegionNode(int Id, string Code, string Name, int? ParentId, int? SuccessorId, string SeriesCode)
{
    public static RegionNode From(Region r) => new(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode);
}

/// <summary>
/// Which regions' figures count for a region: the region itself, every region of the same series (坪山新区 and 坪山区 share
/// 440310, and successors are followed too) and all their descendants.
/// </summary>
public sealed class RegionScopes
{
    private readonly Dictionary<int, RegionNode> _byId;
    private readonly ILookup<int, int> _children;
    private readonly ILookup<string, int> _bySeries;
    private readonly Dictionary<int, HashSet<int>> _cache = [];

    public RegionScopes(IEnumerable<RegionNode> regions)
    {
        _byId = regions.ToDictionary(r => r.Id);
        _children = _byId.Values.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value, r => r.Id);
        _bySeries = _byId.Values.ToLookup(SeriesOf, r => r.Id);
    }

    public RegionNode? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The series a region continues; its own code when no series is recorded.</summary>
    public string SeriesCodeOf(int id) => _byId.TryGetValue(id, out var r) ? SeriesOf(r) : "";

    /// <summary>The regions of the same series (and along successor links), without descendants: where a region's own reported values sit.</summary>
    public IReadOnlySet<int> SameSeries(int id)
    {
        var result = new HashSet<int>();
        var pending = new Stack<int>([id]);
        while (pending.TryPop(out var current))
        {
            if (!result.Add(current) || !_byId.TryGetValue(current, out var node)) continue;
            foreach (var sibling in _bySeries[SeriesOf(node)]) pending.Push(sibling);
            if (node.SuccessorId is { } successor) pending.Push(successor);
            foreach (var predecessor in _byId.Values.Where(r => r.SuccessorId == current)) pending.Push(predecessor.Id);
        }
        return result;
    }

    /// <summary>The regions whose enterprises count in the given region: same series plus every descendant.</summary>
    public IReadOnlySet<int> Within(int id)
    {
        if (_cache.TryGetValue(id, out var cached)) return cached;
        var result = new HashSet<int>();
        var pending = new Stack<int>(SameSeries(id));
        while (pending.TryPop(out var current))
        {
            if (!result.Add(current)) continue;
            foreach (var child in _children[current]) pending.Push(child);
            // A descendant's own historical or current series partner (坪山新区 under 深圳市 → 坪山区) belongs too.
            foreach (var partner in SameSeries(current)) pending.Push(partner);
        }
        _cache[id] = result;
        return result;
    }

    private static string SeriesOf(RegionNode r) => string.IsNullOrEmpty(r.SeriesCode) ? r.Code : r.SeriesCode;
}
