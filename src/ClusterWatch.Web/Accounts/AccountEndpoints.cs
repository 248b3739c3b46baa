using System.Security.Claims;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record UnitRefDto(int Id, string FullName, string ShortName);
public sealed record MeDto(string UserName, string DisplayName, UserRole Role, UnitRefDto? Unit, bool IsDemo);

/// <summary>/api/account: login sets the auth cookie; 401 on a wrong password, 423 Locked (with Retry-After) while locked out.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Accounts");
        account.MapPost("/login", LoginAsync).WithName("Login").AllowPublic();
        account.MapPost("/logout", LogoutAsync).WithName("Logout").AllowPublic();
        account.MapGet("/me", MeAsync).WithName("Me").RequireAuthorization(Policies.Reader);
        account.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").RequireAuthorization(Policies.Reader);
        return api;
    }

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> LoginAsync(
        LoginRequest? body, AccountService accounts, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var result = await accounts.VerifyAsync(body?.UserName, body?.Password, ct);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                var seconds = Math.Max(1, (int)Math.Ceiling((result.LockedUntil!.Value - DateTimeOffset.UtcNow).TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString();
                return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "账号已锁定",
                    detail: $"密码连续输错次数过多，账号已锁定至 {LocalTime(result.LockedUntil.Value)}（北京时间），请稍后再试或联系管理员。");
            case SignInStatus.Failed:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "登录失败", detail: "用户名或密码不正确。");
        }
        await AccountsSetup.SignInAsync(http, result.User!);
        return TypedResults.Ok(await DescribeAsync(db, result.User!, ct));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == principal.Identity!.Name, ct);
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未登录", detail: "账号不存在。")
            : TypedResults.Ok(await DescribeAsync(db, user, ct));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest? body, ClaimsPrincipal principal, AccountService accounts, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == principal.Identity!.Name, ct);
        if (user is null) return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未登录", detail: "账号不存在。");
        var errors = await accounts.ChangePasswordAsync(user.Id, body?.CurrentPassword, body?.NewPassword, ct);
        if (errors.Any) return TypedResults.ValidationProblem(errors, title: "密码未修改");
        // The stamp changed with the hash: sign in again so this session stays valid.
        await AccountsSetup.SignInAsync(http, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, ct)));
        return TypedResults.NoContent();
    }

    private static async Task<MeDto> DescribeAsync(AppDbContext db, User user, CancellationToken ct)
    {
        var unit = user.UnitId is int unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new UnitRefDto(u.Id, u.FullName, u.ShortName)).SingleOrDefaultAsync(ct)
            : null;
        return new MeDto(user.UserName, user.DisplayName, user.Role, unit, user.IsDemo);
    }

    private static string LocalTime(DateTimeOffset utc)
    {
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { zone = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST"); }
        return TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd HH:mm");
    }
}
