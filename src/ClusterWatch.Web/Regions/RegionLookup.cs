using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Regions;

/// <summary>Finds a region by its 6-digit code (or name); a current region wins over a historical one with the same code.</summary>
public static class RegionLookup
{
    public static async Task<Region?> FindAsync(AppDbContext db, string? code, string? name = null, CancellationToken ct = default)
    {
        code = code?.Trim();
        name = name?.Trim();
        if (string.IsNullOrEmpty(code) && string.IsNullOrEmpty(name)) return null;
        var query = db.Regions.AsQueryable();
        if (!string.IsNullOrEmpty(code)) query = query.Where(r => r.Code == code);
        if (!string.IsNullOrEmpty(name)) query = query.Where(r => r.Name == name);
        var candidates = await query.ToListAsync(ct);
        return candidates.OrderBy(r => r.ValidToYear is null ? 0 : 1).ThenByDescending(r => r.ValidToYear).ThenBy(r => r.Id).FirstOrDefault();
    }
}
