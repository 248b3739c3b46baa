using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Enterprises.Import;

/// <summary>The few region fields needed to resolve what users type and to walk the hierarchy.</summary>
public sealed record RegionRef(int Id, string Code, string Name, RegionLevel Level, int? ParentId, int? ValidToYear)
{
    public bool IsCurrent => ValidToYear is null;
}

/// <summary>Resolves a region typed as a 6-digit code or a name, with or without its suffix ("南山区", "南山", "440305").</summary>
public sealed class RegionNameLookup
{
    /// <summary>The province the office monitors; breaks ties between same-named districts elsewhere in China.</summary>
    private const string HomeProvincePrefix = "44";
    private static readonly string[] Suffixes = ["区", "市", "县", "新区", "省", "自治县", "特别合作区"];

    private readonly IReadOnlyList<RegionRef> _regions;
    private readonly ILookup<string, RegionRef> _byCode;
    private readonly ILookup<string, RegionRef> _byName;
    private readonly ILookup<int, RegionRef> _byParent;
    private readonly Dictionary<int, RegionRef> _byId;

    public RegionNameLookup(IEnumerable<RegionRef> regions)
    {
        _regions = regions.ToList();
        _byCode = _regions.ToLookup(r => r.Code);
        _byName = _regions.ToLookup(r => r.Name);
        _byParent = _regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        _byId = _regions.ToDictionary(r => r.Id);
    }

    public static async Task<RegionNameLookup> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Regions.AsNoTracking()
            .Select(r => new RegionRef(r.Id, r.Code, r.Name, r.Level, r.ParentId, r.ValidToYear))
            .ToListAsync(ct));

    public RegionRef? FindById(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The region, or null with the reason in Chinese.</summary>
    public RegionRef? Resolve(string text, out string? error)
    {
        error = null;
        var t = text.Trim();
        if (t.Length == 0) { error = "地区为空"; return null; }
        if (t.All(char.IsAsciiDigit))
        {
            var byCode = Pick(_byCode[t].ToList());
            if (byCode is null) error = $"区划代码“{t}”不存在（应为6位行政区划代码）";
            return byCode;
        }
        var candidates = _byName[t].ToList();
        if (candidates.Count == 0) candidates = Suffixes.SelectMany(s => _byName[t + s]).ToList();
        if (candidates.Count == 0) { error = $"未找到地区“{t}”（请填写区划名称或6位代码）"; return null; }
        var picked = Pick(candidates);
        if (picked is null)
            error = $"地区“{t}”对应多个区划（{string.Join("、", candidates.Select(c => c.Code).Distinct())}），请填写6位代码";
        return picked;
    }

    private static RegionRef? Pick(List<RegionRef> candidates)
    {
        if (candidates.Count == 0) return null;
        var current = candidates.Where(c => c.IsCurrent).ToList();
        var pool = current.Count > 0 ? current : candidates;
        if (pool.Select(c => c.Code).Distinct().Count() > 1)
        {
            var home = pool.Where(c => c.Code.StartsWith(HomeProvincePrefix, StringComparison.Ordinal)).ToList();
            if (home.Count > 0) pool = home;
        }
        return pool.Select(c => c.Code).Distinct().Count() == 1 ? pool.OrderBy(c => c.ValidToYear ?? int.MaxValue).Last() : null;
    }

    /// <summary>Ids of the region, its other versions under the same code, and all their descendants.</summary>
    public IReadOnlyList<int> SubtreeIds(RegionRef root)
    {
        var result = new HashSet<int>();
        var stack = new Stack<RegionRef>(_byCode[root.Code]);
        stack.Push(root);
        while (stack.Count > 0)
        {
            var region = stack.Pop();
            if (!result.Add(region.Id)) continue;
            foreach (var child in _byParent[region.Id]) stack.Push(child);
        }
        return result.ToList();
    }
}
