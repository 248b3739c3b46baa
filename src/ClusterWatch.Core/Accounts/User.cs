namespace ClusterWatch.Core.Accounts;

/// <summary>管理员 (everything), 分析员 (reads everything, writes nothing), 信息员 (bound to one unit).</summary>
public enum UserRole { Admin = 0, Analyst = 1, Reporter = 2 }

/// <summary>A person who signs in; a reporter (信息员) belongs to exactly one responsible unit.</summary>
public class User
{
    public const int UserNameMaxLength = 64;

    public int Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>PBKDF2 hash from ASP.NET Core's PasswordHasher; never written to the audit log.</summary>
    public string PasswordHash { get; set; } = "";
    public UserRole Role { get; set; }
    /// <summary>The reporter's unit; required for Reporter, optional otherwise.</summary>
    public int? UnitId { get; set; }
    public Plans.Unit? Unit { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Created by the demo seeder with a published password: refused in Production until changed.</summary>
    public bool IsDemo { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockoutEndUtc { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Disabled { get; set; }
}
