using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Core.Accounts;

public enum SignInStatus { Succeeded, Failed, LockedOut }

/// <summary>Failed covers an unknown user, a disabled account and a wrong password alike (no hint which); LockedUntil is set for LockedOut.</summary>
public sealed record SignInResult(SignInStatus Status, User? User = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;
}

public sealed record NewUser(
    string UserName, string Password, UserRole Role, int? UnitId = null,
    string? DisplayName = null, string? Phone = null, string? Email = null, bool IsDemo = false);

/// <summary>Field errors in Chinese keyed by field name (userName, password, role, unitId…), ready for a ValidationProblem.</summary>
public sealed class AccountErrors : Dictionary<string, string[]>
{
    public bool Any => Count > 0;
    public void Add(string field, string message) => this[field] = TryGetValue(field, out var list) ? [.. list, message] : [message];
}

/// <summary>Creates users, checks passwords (PBKDF2 via ASP.NET Core's PasswordHasher) with lockout, changes and resets passwords.</summary>
public class AccountService(AppDbContext db, IOptions<AccountOptions> options, TimeProvider? clock = null)
{
    private static readonly PasswordHasher<User> Hasher = new();
    // Verified against when the user does not exist, so an unknown name costs as much time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    private readonly AccountOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static string HashPassword(User user, string password) => Hasher.HashPassword(user, password);

    public static bool PasswordMatches(User user, string password) =>
        user.PasswordHash.Length > 0 && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static string NormalizeUserName(string? userName) => (userName ?? "").Trim();

    public AccountErrors ValidatePassword(string? password, string field = "password")
    {
        var errors = new AccountErrors();
        if (string.IsNullOrEmpty(password)) errors.Add(field, "请填写密码。");
        else if (password.Length < _options.MinPasswordLength) errors.Add(field, $"密码至少 {_options.MinPasswordLength} 位。");
        else if (password.Length > 128) errors.Add(field, "密码不能超过 128 位。");
        else if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit)) errors.Add(field, "密码须同时包含字母和数字。");
        return errors;
    }

    /// <summary>Adds the user, or returns the field errors and leaves the database unchanged.</summary>
    public async Task<(User? User, AccountErrors Errors)> CreateAsync(NewUser request, CancellationToken ct = default)
    {
        var errors = new AccountErrors();
        var userName = NormalizeUserName(request.UserName);
        if (userName.Length == 0) errors.Add("userName", "请填写用户名。");
        else if (userName.Length > User.UserNameMaxLength) errors.Add("userName", $"用户名不能超过 {User.UserNameMaxLength} 个字符。");
        else if (userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) errors.Add("userName", "用户名不能包含空格。");
        else if (await db.Set<User>().AnyAsync(u => u.UserName == userName, ct)) errors.Add("userName", $"用户名“{userName}”已存在。");
        foreach (var (field, messages) in ValidatePassword(request.Password)) foreach (var m in messages) errors.Add(field, m);
        if (!Enum.IsDefined(request.Role)) errors.Add("role", "未知的角色。");
        await CheckUnitAsync(request.Role, request.UnitId, errors, ct);
        if (request.DisplayName is { Length: > 64 }) errors.Add("displayName", "姓名不能超过 64 字。");
        if (request.Phone is { Length: > 32 }) errors.Add("phone", "电话不能超过 32 字。");
        if (request.Email is { Length: > 128 }) errors.Add("email", "邮箱不能超过 128 字。");
        if (errors.Any) return (null, errors);

        var user = new User
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? userName : request.DisplayName.Trim(),
            Role = request.Role,
            UnitId = request.UnitId,
            Phone = Blank(request.Phone), Email = Blank(request.Email),
            IsDemo = request.IsDemo,
            CreatedAt = _clock.GetUtcNow(),
        };
        user.PasswordHash = HashPassword(user, request.Password);
        db.Add(user);
        await db.SaveChangesAsync(ct);
        return (user, errors);
    }

    /// <summary>Checks the password; MaxFailedAttempts wrong ones in a row lock the account for LockoutMinutes (the locking attempt already answers LockedOut).</summary>
    public async Task<SignInResult> VerifyAsync(string? userName, string? password, CancellationToken ct = default)
    {
        var name = NormalizeUserName(userName);
        var user = name.Length == 0 ? null : await db.Set<User>().SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || user.Disabled)
        {
            Hasher.VerifyHashedPassword(new User(), DummyHash, password ?? "");
            return new(SignInStatus.Failed);
        }
        var now = _clock.GetUtcNow();
        if (user.LockoutEndUtc is { } end && end > now) return new(SignInStatus.LockedOut, null, end);

        var verdict = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedAttempts++;
            SignInResult result = new(SignInStatus.Failed);
            if (user.FailedAttempts >= _options.MaxFailedAttempts)
            {
                user.FailedAttempts = 0;
                user.LockoutEndUtc = now + _options.LockoutDuration;
                result = new(SignInStatus.LockedOut, null, user.LockoutEndUtc);
            }
            await db.SaveChangesAsync(ct);
            return result;
        }

        user.FailedAttempts = 0;
        user.LockoutEndUtc = null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = HashPassword(user, password!);
        await db.SaveChangesAsync(ct);
        return new(SignInStatus.Succeeded, user);
    }

    /// <summary>The user's own change: needs the current password.</summary>
    public async Task<AccountErrors> ChangePasswordAsync(int userId, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        var errors = new AccountErrors();
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) { errors.Add("userId", $"没有编号为 {userId} 的用户。"); return errors; }
        if (!PasswordMatches(user, currentPassword ?? "")) errors.Add("currentPassword", "当前密码不正确。");
        foreach (var (field, messages) in ValidatePassword(newPassword, "newPassword")) foreach (var m in messages) errors.Add(field, m);
        if (errors.Any) return errors;
        if (newPassword == currentPassword) { errors.Add("newPassword", "新密码不能与当前密码相同。"); return errors; }
        user.PasswordHash = HashPassword(user, newPassword!);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>An admin's reset: sets a new password and lifts any lockout.</summary>
    public async Task<AccountErrors> ResetPasswordAsync(int userId, string? newPassword, CancellationToken ct = default)
    {
        var errors = ValidatePassword(newPassword);
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) errors.Add("userId", $"没有编号为 {userId} 的用户。");
        if (errors.Any) return errors;
        user!.PasswordHash = HashPassword(user, newPassword!);
        user.FailedAttempts = 0;
        user.LockoutEndUtc = null;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Changes role and unit together (a reporter needs a unit).</summary>
    public async Task<AccountErrors> SetRoleAsync(int userId, UserRole role, int? unitId, CancellationToken ct = default)
    {
        var errors = new AccountErrors();
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) { errors.Add("userId", $"没有编号为 {userId} 的用户。"); return errors; }
        if (!Enum.IsDefined(role)) errors.Add("role", "未知的角色。");
        await CheckUnitAsync(role, unitId, errors, ct);
        if (errors.Any) return errors;
        user.Role = role;
        user.UnitId = unitId;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<AccountErrors> SetDisabledAsync(int userId, bool disabled, CancellationToken ct = default)
    {
        var errors = new AccountErrors();
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) { errors.Add("userId", $"没有编号为 {userId} 的用户。"); return errors; }
        if (disabled && user.Role == UserRole.Admin && !user.Disabled
            && !await db.Set<User>().AnyAsync(u => u.Id != userId && u.Role == UserRole.Admin && !u.Disabled, ct))
        {
            errors.Add("userId", "不能停用最后一个可用的管理员账号。");
            return errors;
        }
        user.Disabled = disabled;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private async Task CheckUnitAsync(UserRole role, int? unitId, AccountErrors errors, CancellationToken ct)
    {
        if (unitId is null)
        {
            if (role == UserRole.Reporter) errors.Add("unitId", "信息员必须绑定一个责任单位。");
        }
        else if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) errors.Add("unitId", $"没有编号为 {unitId} 的责任单位。");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
