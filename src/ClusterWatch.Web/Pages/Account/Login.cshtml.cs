using System.ComponentModel.DataAnnotations;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Account;

public class LoginInput
{
    [Required(ErrorMessage = "请填写用户名。")]
    public string? UserName { get; set; }
    [Required(ErrorMessage = "请填写密码。")]
    public string? Password { get; set; }
}

/// <summary>Sign-in form (anonymous, antiforgery-protected like every Razor form); goes back to the local ReturnUrl.</summary>
public class LoginModel(AccountService accounts) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true && LocalizationSetup.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await accounts.VerifyAsync(Input.UserName, Input.Password, ct);
        if (result.Status == SignInStatus.LockedOut)
        {
            Error = Strings.IsEnglish
                ? "Too many wrong passwords: the account is locked for a while. Try again later or ask an administrator."
                : "密码连续输错次数过多，账号已暂时锁定，请稍后再试或联系管理员。";
            Response.StatusCode = StatusCodes.Status423Locked;
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = Strings.IsEnglish ? "Wrong user name or password." : "用户名或密码不正确。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await AccountsSetup.SignInAsync(HttpContext, result.User!);
        return LocalRedirect(LocalizationSetup.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
