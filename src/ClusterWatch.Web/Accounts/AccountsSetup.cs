using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterWatch.Web.Accounts;

/// <summary>Cookie sign-in, the policies (fallback = Reader, so nothing is open by accident) and the page conventions.</summary>
public static class AccountsSetup
{
    public const string LoginPath = "/Account/Login";
    public const string AccessDeniedPath = "/Account/AccessDenied";
    public const string CookieName = "ClusterWatch.Auth";

    /// <summary>Pages that change data and are for admins only (GET included); other pages' POST handlers are checked by PageWritePolicyFilter.</summary>
    public static readonly string[] AdminPages =
    [
        "/Plans/Edit", "/Plans/Import", "/Plans/Targets/Edit", "/Plans/Tasks/Edit", "/Units/Edit",
        "/Enterprises/Edit", "/Enterprises/Import",
    ];

    public static IServiceCollection AddClusterWatchAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountService>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.LoginPath = LoginPath;
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = AccessDeniedPath;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // API clients get 401/403 ProblemDetails, never a redirect to the login page.
                    OnRedirectToLogin = context => IsApi(context.Request)
                        ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "未登录", "请先登录（POST /api/account/login）。")
                        : RedirectAsync(context),
                    OnRedirectToAccessDenied = context => IsApi(context.Request)
                        ? WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "无权访问", "当前账号的角色无权执行此操作。")
                        : RedirectAsync(context),
                    OnValidatePrincipal = ValidatePrincipalAsync,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Admin)))
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Admin), nameof(UserRole.Analyst), nameof(UserRole.Reporter)))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Admin), nameof(UserRole.Analyst)))
            .AddPolicy(Policies.Reporter, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Reporter), nameof(UserRole.Admin)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireRole(nameof(UserRole.Admin), nameof(UserRole.Analyst), nameof(UserRole.Reporter)).Build());

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/", Policies.Reader);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            foreach (var page in AdminPages) options.Conventions.AuthorizePage(page, Policies.Admin);
            options.Conventions.AuthorizePage("/Plans/History", Policies.Staff); // the audit log shows every unit's changes
            options.Conventions.AllowAnonymousToPage(LoginPath);
            options.Conventions.AllowAnonymousToPage(AccessDeniedPath);
            options.Conventions.ConfigureFilter(new PageWritePolicyFilter());
        });
        return services;
    }

    /// <summary>The claims of a signed-in user: name, role, display name, the reporter's unit and a password stamp.</summary>
    public static ClaimsPrincipal PrincipalFor(User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, Policies.RoleName(user.Role)),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(Policies.StampClaim, Stamp(user)),
        };
        if (user.UnitId is int unitId) claims.Add(new(Policies.UnitIdClaim, unitId.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignInAsync(HttpContext http, User user) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = DateTimeOffset.UtcNow });

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static string Stamp(User user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)))[..16];

    /// <summary>A disabled user, a changed role or unit, or a reset password ends the cookie's session at its next request.</summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var user = name is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, context.HttpContext.RequestAborted);
        var principal = context.Principal!;
        var current = user is not null && !user.Disabled
            && principal.IsInRole(Policies.RoleName(user.Role))
            && principal.FindFirstValue(Policies.UnitIdClaim) == user.UnitId?.ToString()
            && principal.FindFirstValue(Policies.StampClaim) == Stamp(user);
        if (current) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
