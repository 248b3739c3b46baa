using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Accounts;

/// <summary>The units whose tasks a reporter's unit carries: itself, and for a district government the collective 各区政府 (or 新区管委会 for a new zone) of its city.</summary>
public static class ReporterScope
{
    public static async Task<IReadOnlyList<int>> TaskUnitIdsAsync(AppDbContext db, int unitId, CancellationToken ct = default)
    {
        var ids = new List<int> { unitId };
        var unit = await db.Units.AsNoTracking().Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is not { Kind: UnitKind.DistrictGovernment, Region.ParentId: int cityId }) return ids;
        var isZone = unit.Region.Level == RegionLevel.FunctionalZone;
        var collectives = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Collective && u.RegionId == cityId)
            .Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        // 深圳市各区人民政府 covers districts, 深圳市各新区管理委员会 the new zones.
        ids.AddRange(collectives.Where(c => c.FullName.Contains("新区") == isZone).Select(c => c.Id));
        return ids;
    }
}
