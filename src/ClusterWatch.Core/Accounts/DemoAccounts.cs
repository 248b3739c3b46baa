using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Accounts;

/// <summary>One demo account per role (README "## Demo accounts"), all with the published password: demo only, refused in Production.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";

    /// <param name="UnitFullName">The bound unit's full name (reporters), null for admin and analyst.</param>
    public sealed record Definition(string UserName, string DisplayName, UserRole Role, string? UnitFullName);

    public static readonly IReadOnlyList<Definition> All =
    [
        new("admin", "演示管理员（示例）", UserRole.Admin, null),
        new("analyst", "演示分析员（示例）", UserRole.Analyst, null),
        new("nanshan", "南山区信息员（示例）", UserRole.Reporter, "深圳市南山区人民政府"),
        new("futian", "福田区信息员（示例）", UserRole.Reporter, "深圳市福田区人民政府"),
        new("fgw", "市发展改革委信息员（示例）", UserRole.Reporter, "深圳市发展和改革委员会"),
    ];

    /// <summary>Adds the demo accounts to a database that has no account at all (units must be seeded); returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.Set<User>().AnyAsync(ct)) return 0;
        var existing = new List<string>();
        var unitNames = All.Where(d => d.UnitFullName is not null).Select(d => d.UnitFullName!).ToList();
        var units = await db.Units.Where(u => unitNames.Contains(u.FullName)).ToDictionaryAsync(u => u.FullName, u => u.Id, ct);
        var added = 0;
        string? hash = null;
        foreach (var d in All.Where(d => !existing.Contains(d.UserName)))
        {
            int? unitId = null;
            if (d.UnitFullName is not null)
            {
                if (!units.TryGetValue(d.UnitFullName, out var id)) continue; // a partial reference set without this unit
                unitId = id;
            }
            var user = new User
            {
                UserName = d.UserName, DisplayName = d.DisplayName, Role = d.Role, UnitId = unitId, IsDemo = true,
                CreatedAt = DateTimeOffset.UtcNow,
                Phone = d.Role == UserRole.Reporter ? "0755-0000000" + (added + 1) : null,
                Email = d.UserName + "@demo.invalid",
            };
            user.PasswordHash = hash ??= AccountService.HashPassword(user, Password); // one PBKDF2 run: the password is public anyway
            db.Add(user);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The enabled demo users whose password is still the published demo password.</summary>
    public static IReadOnlyList<User> StillOnDemoPassword(IEnumerable<User> users) =>
        users.Where(u => u.IsDemo && !u.Disabled && AccountService.PasswordMatches(u, Password)).ToList();

    /// <summary>The reason the app must not start, or null: in Production no enabled demo account may keep the demo password.</summary>
    public static string? ProductionStartupError(string environmentName, IEnumerable<User> users)
    {
        if (!string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase)) return null;
        var offending = StillOnDemoPassword(users);
        if (offending.Count == 0) return null;
        return $"拒绝启动：生产环境（ASPNETCORE_ENVIRONMENT=Production）中以下演示账号仍使用公开的演示密码：{string.Join("、", offending.Select(u => u.UserName))}。"
               + "请先停用它们或修改密码（clusterwatch users disable --user NAME / users reset-password --user NAME --password NEW）。"
               + $" Refusing to start in Production: demo accounts still use the published demo password: {string.Join(", ", offending.Select(u => u.UserName))}.";
    }

    /// <summary>Throws with ProductionStartupError's message when it is not null.</summary>
    public static async Task EnsureSafeForEnvironmentAsync(AppDbContext db, string environmentName, CancellationToken ct = default)
    {
        if (!string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase)) return;
        var demoUsers = await db.Set<User>().AsNoTracking().Where(u => u.IsDemo && !u.Disabled).ToListAsync(ct);
        if (ProductionStartupError(environmentName, demoUsers) is { } error) throw new InvalidOperationException(error);
    }
}
