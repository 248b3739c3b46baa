using ClusterWatch.Core.Accounts;

namespace ClusterWatch.Web.Accounts;

/// <summary>The authorization policies; the fallback for every endpoint without its own is Reader.</summary>
public static class Policies
{
    /// <summary>管理员 only: every write (plans, targets, tasks, units, enterprises, imports, audit restore, users).</summary>
    public const string Admin = "Admin";
    /// <summary>Any signed-in user (管理员, 分析员, 信息员): every page and GET API not marked Public.</summary>
    public const string Reader = "Reader";
    /// <summary>管理员 or 分析员: reads across all units (audit log, whole-plan exports), which a 信息员 may not.</summary>
    public const string Staff = "Staff";
    /// <summary>信息员 or 管理员: report submissions (the unit check is UnitScope.CanAccessUnit).</summary>
    public const string Reporter = "Reporter";
    /// <summary>Marker name for anonymous (published) endpoints; applied with <see cref="PublicEndpoints.AllowPublic{T}"/> (= AllowAnonymous).</summary>
    public const string Public = "Public";

    public const string UnitIdClaim = "unit_id";
    /// <summary>Changes when the password hash changes, so a reset signs out the old cookies.</summary>
    public const string StampClaim = "stamp";

    public static string RoleName(UserRole role) => role.ToString();
}

public static class PublicEndpoints
{
    /// <summary>Published to anonymous visitors (Policies.Public): the login page, health, OpenAPI, later the published pages.</summary>
    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous();
}
