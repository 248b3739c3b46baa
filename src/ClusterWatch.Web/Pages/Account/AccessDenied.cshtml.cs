using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Account;

/// <summary>Where a signed-in user lands after a forbidden page request; answers 403 so the refusal is visible to clients too.</summary>
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
