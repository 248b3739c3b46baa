using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Admin;

public class NewUserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public UserRole Role { get; set; } = UserRole.Reporter;
    public int? UnitId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed record UserRow(int Id, string UserName, string DisplayName, UserRole Role, int? UnitId, string? UnitName,
    string? Phone, string? Email, bool IsDemo, bool Disabled, DateTimeOffset? LockoutEndUtc);

public sealed record UnitOption(int Id, string Label);

/// <summary>/Admin/Users (admins only, by the /Admin folder convention): list, create, disable, reset password, bind role and unit.</summary>
public class UsersModel(AppDbContext db, AccountService accounts) : PageModel
{
    [BindProperty] public NewUserInput Input { get; set; } = new();
    public List<UserRow> Users { get; private set; } = [];
    public List<UnitOption> Units { get; private set; } = [];
    public string? Message { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    /// <summary>The row the errors belong to (null: the create form).</summary>
    public int? ErrorUserId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (user, errors) = await accounts.CreateAsync(new NewUser(Input.UserName ?? "", Input.Password ?? "", Input.Role,
            Input.Role == UserRole.Reporter || Input.UnitId is not null ? Input.UnitId : null, Input.DisplayName, Input.Phone, Input.Email), ct);
        return await DoneAsync(errors, null, user is null ? null : $"已创建用户 {user.UserName}。", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, bool disabled, CancellationToken ct) =>
        await DoneAsync(await accounts.SetDisabledAsync(id, disabled, ct), id, disabled ? "已停用该用户。" : "已启用该用户。", ct);

    public async Task<IActionResult> OnPostResetAsync(int id, string? newPassword, CancellationToken ct) =>
        await DoneAsync(await accounts.ResetPasswordAsync(id, newPassword, ct), id, "已重置密码并解除锁定。", ct);

    public async Task<IActionResult> OnPostBindAsync(int id, UserRole role, int? unitId, CancellationToken ct) =>
        await DoneAsync(await accounts.SetRoleAsync(id, role, unitId, ct), id, "已更新角色和单位。", ct);

    private async Task<IActionResult> DoneAsync(AccountErrors errors, int? userId, string? message, CancellationToken ct)
    {
        if (errors.Any)
        {
            Errors = errors;
            ErrorUserId = userId;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Message = message;
            if (userId is null) Input = new NewUserInput();
            ModelState.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new UserRow(u.Id, u.UserName, u.DisplayName, u.Role, u.UnitId, u.Unit == null ? null : u.Unit.FullName,
                u.Phone, u.Email, u.IsDemo, u.Disabled, u.LockoutEndUtc))
            .ToListAsync(ct);
        Units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.FullName, u.ShortName, u.ValidToYear }).ToListAsync(ct))
            .OrderBy(u => u.ValidToYear is null ? 0 : 1).ThenBy(u => u.FullName, StringComparer.Ordinal)
            .Select(u => new UnitOption(u.Id, u.ValidToYear is null ? u.FullName : $"{u.FullName}（至 {u.ValidToYear} 年）"))
            .ToList();
    }

    public static string RoleLabel(UserRole role) => role switch
    {
        UserRole.Admin => Infrastructure.Strings.IsEnglish ? "Administrator" : "管理员",
        UserRole.Analyst => Infrastructure.Strings.IsEnglish ? "Analyst" : "分析员",
        _ => Infrastructure.Strings.IsEnglish ? "Information officer" : "信息员",
    };
}
