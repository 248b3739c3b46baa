using System.Security.Claims;
using ClusterWatch.Core.Accounts;

namespace ClusterWatch.Web.Accounts;

/// <summary>Which unit's data a user may see: admins and analysts any (for reads), a reporter only the unit it is bound to.</summary>
public static class UnitScope
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(nameof(UserRole.Admin));
    public static bool IsAnalyst(ClaimsPrincipal user) => user.IsInRole(nameof(UserRole.Analyst));
    public static bool IsReporter(ClaimsPrincipal user) => user.IsInRole(nameof(UserRole.Reporter));

    /// <summary>The reporter's unit id from the "unit_id" claim; null for other roles or anonymous.</summary>
    public static int? ReporterUnitId(ClaimsPrincipal user) =>
        IsReporter(user) && int.TryParse(user.FindFirstValue(Policies.UnitIdClaim), out var id) ? id : null;

    /// <summary>True when the user may read this unit's data; a reporter without a unit may read none.</summary>
    public static bool CanAccessUnit(ClaimsPrincipal user, int unitId)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (IsAdmin(user) || IsAnalyst(user)) return true;
        return ReporterUnitId(user) == unitId;
    }

    /// <summary>True when the user may write this unit's reports: an admin, or the unit's own reporter (analysts never).</summary>
    public static bool CanWriteUnit(ClaimsPrincipal user, int unitId)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (IsAdmin(user)) return true;
        return ReporterUnitId(user) == unitId;
    }

    /// <summary>The unit every list must be limited to (the reporter's), or null when the user sees all units.</summary>
    public static int? RestrictedUnitId(ClaimsPrincipal user) =>
        IsAdmin(user) || IsAnalyst(user) ? null : ReporterUnitId(user) ?? -1;
}
