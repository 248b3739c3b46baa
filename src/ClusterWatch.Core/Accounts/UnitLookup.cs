using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Accounts;

/// <summary>Finds the unit a reporter is bound to from an id, a full name or any alias the plans use (via UnitResolver).</summary>
public static class UnitLookup
{
    /// <returns>The unit, or null with a Chinese error (unknown, or an alias shared by several units).</returns>
    public static async Task<(Unit? Unit, string? Error)> FindAsync(AppDbContext db, string? text, CancellationToken ct = default)
    {
        var name = PlanText.WithoutWhitespace(text);
        if (name.Length == 0) return (null, "请填写单位（编号、全称或简称）。");
        if (int.TryParse(name, out var id))
        {
            var byId = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
            return byId is null ? (null, $"没有编号为 {id} 的单位。") : (byId, null);
        }
        var units = await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct);
        var candidates = units.Where(u => u.Aliases.Select(a => a.Alias).Append(u.FullName).Append(u.ShortName)
            .Any(a => PlanText.WithoutWhitespace(a) == name)).ToList();
        if (candidates.Count > 1 && candidates.Count(u => PlanText.WithoutWhitespace(u.FullName) == name) != 1)
            return (null, $"“{text}”对应多个单位：{string.Join("、", candidates.Select(u => $"{u.FullName}（编号 {u.Id}）"))}，请写全称或编号。");
        var unit = candidates.Count > 1 ? candidates.Single(u => PlanText.WithoutWhitespace(u.FullName) == name) : new UnitResolver(units).Resolve(name);
        return unit is null ? (null, $"没有名为“{text}”的单位。") : (unit, null);
    }
}
